using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;

namespace DualWrite.Connectors.FinOps;

/// <summary>F&amp;O entities in OData JSON to rows of typed values, as the schema types them.</summary>
internal static class FinOpsRowReader
{
    /// <summary>The rows of one page and the link to the next one, if any.</summary>
    public static List<Row> ReadPage(TableSchema table, JsonElement page, out string? nextLink)
    {
        if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new ConnectorException($"The answer for {table.EntitySet} is not an OData collection: it has no \"value\" array.");
        }

        var rows = new List<Row>(value.GetArrayLength());
        foreach (var entity in value.EnumerateArray())
        {
            rows.Add(Read(table, entity));
        }

        nextLink = page.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        return rows;
    }

    public static Row Read(TableSchema table, JsonElement entity)
    {
        if (entity.ValueKind != JsonValueKind.Object)
        {
            throw new ConnectorException($"The answer for {table.EntitySet} holds {entity.ValueKind} where an entity was expected.");
        }

        var row = new Row();
        foreach (var property in entity.EnumerateObject())
        {
            // Annotations (@odata.etag) are not fields; fields the schema does not declare cannot be typed, and
            // nothing the runtime maps can name them.
            if (property.Name.Contains('@', StringComparison.Ordinal) || table.FindField(property.Name) is not { } field)
            {
                continue;
            }

            try
            {
                row[field.Name] = JsonValues.Read(table, field, property.Value, EnumStyle.Name);
            }
            catch (JsonValueException e)
            {
                throw new ConnectorException($"The {table.EntitySet} row ({KeyText(table, entity)}) that F&O returned cannot be read: {e.Message}");
            }
        }

        return row;
    }

    /// <summary>The key as the JSON has it, for messages about a row that could not be read whole.</summary>
    public static string KeyText(TableSchema table, JsonElement entity) =>
        string.Join(",", table.Key.Select(k => $"{k}={(entity.TryGetProperty(k, out var v) ? v.GetRawText() : "?")}"));

    /// <summary>The row's key, when the row holds every key field.</summary>
    public static RowKey? KeyOf(TableSchema table, Row row) =>
        table.Key.All(row.Contains)
            ? new RowKey(table.Key.Select(k => new KeyValuePair<string, object?>(k, row[k])).ToArray())
            : null;
}
