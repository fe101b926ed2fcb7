using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;
using DualWrite.Protocols.Json;

namespace DualWrite.Environments.FinOps;

/// <summary>F&amp;O entities as OData JSON: enums by member name, an ETag from the row version.</summary>
internal static class FinOpsJson
{
    public static string ETag(StoredRow row) => $"W/\"{row.Version}\"";

    /// <param name="writer">Where to write.</param>
    /// <param name="table">The row's entity.</param>
    /// <param name="row">The row.</param>
    /// <param name="select">The fields asked for, or null for all.</param>
    /// <param name="context">The <c>@odata.context</c> of a single entity response, or null inside a collection.</param>
    public static void WriteEntity(Utf8JsonWriter writer, TableSchema table, StoredRow row, IReadOnlyList<string>? select, string? context = null)
    {
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString("@odata.context", context);
        }

        writer.WriteString("@odata.etag", ETag(row));
        foreach (var field in table.Fields)
        {
            if (select is null || select.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            {
                JsonValues.Write(writer, field.Name, field, row.Values[field.Name], EnumStyle.Name);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The fields a request body sets; unknown properties are refused by name, annotations skipped.</summary>
    public static Row ReadBody(TableSchema table, byte[] body)
    {
        var row = new Row();
        JsonBody.ReadObject(body, "BadRequest", property =>
        {
            if (property.Name.StartsWith('@') || property.Name.Contains("@odata.", StringComparison.Ordinal))
            {
                return;
            }

            var field = table.FindField(property.Name)
                ?? throw new ODataException(400, "BadRequest", $"The property '{property.Name}' does not exist on type 'Microsoft.Dynamics.DataEntities.{table.Name}'.");
            row[field.Name] = JsonValues.Read(table, field, property.Value, EnumStyle.Name);
        });
        return row;
    }
}
