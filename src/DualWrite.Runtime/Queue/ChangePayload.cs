using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;
using DualWrite.Runtime.LiveSync;

namespace DualWrite.Runtime.Queue;

/// <summary>
/// A source change as it waits in a lane: its row's values typed by the source table's schema (enums by value, so
/// that both environments' read the same) and the fields it changed.
/// </summary>
internal static class ChangePayload
{
    public static string Write(SourceChange change, TableSchema table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("values");
            foreach (var (name, value) in change.Values)
            {
                if (table.FindField(name) is { } field)
                {
                    JsonValues.Write(writer, field.Name, field, value, EnumStyle.Value);
                }
            }

            writer.WriteEndObject();
            if (change.ChangedFields is { } changed)
            {
                writer.WriteStartArray("changed");
                foreach (var name in changed)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static SourceChange Read(QueuedChange queued, TableSchema table)
    {
        using var document = JsonDocument.Parse(queued.Payload);
        var root = document.RootElement;
        var values = new Row();
        foreach (var property in root.GetProperty("values").EnumerateObject())
        {
            var field = table.GetField(property.Name);
            values[field.Name] = JsonValues.Read(table, field, property.Value, EnumStyle.Value);
        }

        IReadOnlyCollection<string>? changed = root.TryGetProperty("changed", out var names)
            ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        return new SourceChange(queued.Sequence, queued.Table, queued.Operation, values, changed);
    }
}
