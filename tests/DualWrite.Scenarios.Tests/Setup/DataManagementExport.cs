using System.Globalization;
using System.Text;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Schema;

namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// What F&amp;O's data management writes when a user exports an entity: a header of field names in upper case, then
/// one line per row, yes/no as Yes/No, enums by member name, dates month first, numbers with a point, quotes around
/// values that need them. Scenarios write one from what F&amp;O holds, as a user exports one to load it elsewhere.
/// </summary>
internal static class DataManagementExport
{
    /// <summary>Every row of <paramref name="entity"/> in the companies given, one company after the other, every field of the entity.</summary>
    public static async Task<string> WriteAsync(FinOpsClient finOps, TableSchema entity, IEnumerable<string> companies)
    {
        var fields = entity.Fields.ToArray();
        var csv = new StringBuilder("\uFEFF");
        csv.AppendJoin(',', fields.Select(f => f.Name.ToUpperInvariant())).Append("\r\n");
        foreach (var company in companies)
        {
            await foreach (var row in finOps.ReadRowsAsync(entity.EntitySet, new FinOpsQuery { Company = company }, CancellationToken.None))
            {
                csv.AppendJoin(',', fields.Select(f => Quoted(Text(f, row.GetValueOrDefault(f.Name))))).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string Text(FieldSchema field, object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "Yes" : "No",
        DateOnly d => d.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("M/d/yyyy H:mm:ss", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("M/d/yyyy H:mm:ss", CultureInfo.InvariantCulture),
        string s => s,
        _ when field.Enum is { } type => type.FindByValue(Convert.ToInt32(value, CultureInfo.InvariantCulture))?.Name ?? string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quoted(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
