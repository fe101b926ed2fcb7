using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Environments.Storage;

/// <summary>A row's key as the change log keeps it: JSON of the stored key values.</summary>
internal static class ChangeLogKey
{
    public static string Format(TableSchema table, Row values)
    {
        var stored = table.Key.ToDictionary(k => k, k => SqliteValues.ToStorage(table, table.GetField(k), values.GetValueOrDefault(k)));
        return JsonSerializer.Serialize(stored);
    }

    public static RowKey Parse(TableSchema table, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new RowKey(table.Key.Select(k =>
        {
            var element = document.RootElement.GetProperty(k);
            object? stored = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetInt64(),
                _ => null,
            };
            return new KeyValuePair<string, object?>(k, SqliteValues.FromStorage(table.GetField(k), stored));
        }).ToArray());
    }
}
