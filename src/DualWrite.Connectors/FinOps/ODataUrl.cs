using DualWrite.Connectors.Http;
using System.Text;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Connectors.FinOps;

/// <summary>
/// URLs below the F&amp;O service root. Key values and query option values are percent-encoded once, so a
/// value holding <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c>, <c>&amp;</c> or a space reaches the service as written.
/// </summary>
internal static class ODataUrl
{
    public const string CrossCompany = "cross-company";

    /// <summary><c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>, every key field in key order.</summary>
    public static string Entity(TableSchema table, RowKey key)
    {
        var parts = new List<string>(table.Key.Count);
        foreach (var name in table.Key)
        {
            var part = key.Parts.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            if (part.Key is null)
            {
                throw new ArgumentException(
                    $"The key ({key}) of {table.EntitySet} lacks '{name}'; a row is addressed by all of {string.Join(", ", table.Key)}.",
                    nameof(key));
            }

            parts.Add($"{name}={Escape(ODataLiteral.Format(part.Value, table.GetField(name)))}");
        }

        return $"{Uri.EscapeDataString(table.EntitySet)}({string.Join(',', parts)})";
    }

    /// <summary>A path followed by its query options; options whose value is null are left out.</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] options)
    {
        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in options)
        {
            if (value is null)
            {
                continue;
            }

            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return url.ToString();
    }

    /// <summary>
    /// Percent-encodes a literal for a path segment. Quotes stay as they are: they are legal in a path, and a
    /// key that reads as the service shows it is easier to follow in logs.
    /// </summary>
    private static string Escape(string literal) => Uri.EscapeDataString(literal).Replace("%27", "'", StringComparison.Ordinal);
}
