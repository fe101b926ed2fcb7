using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;

namespace DualWrite.Connectors.FinOps;

/// <summary>F&amp;O entities in OData JSON to rows of typed values, as the schema types them.</summary>
internal static class FinOpsRowReader
{
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
