using System.Buffers;
using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;

namespace DualWrite.Connectors.FinOps;

/// <summary>Rows of typed values to the JSON body of an F&amp;O create or update, enums by member name.</summary>
internal static class FinOpsRowWriter
{
    /// <param name="table">The entity.</param>
    /// <param name="values">The fields to set.</param>
    /// <param name="key">Key fields to add where <paramref name="values"/> lacks them (a create), or null.</param>
    public static byte[] Body(TableSchema table, Row values, RowKey? key)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                Write(writer, table, name, value);
            }

            foreach (var (name, value) in key?.Parts ?? [])
            {
                if (!values.Contains(name))
                {
                    Write(writer, table, name, value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A field the schema does not declare is still sent, typed by its value: the schema may know less of an
    /// entity than the service does, and the service is the judge of what it accepts.
    /// </summary>
    private static void Write(Utf8JsonWriter writer, TableSchema table, string name, object? value)
    {
        var field = table.FindField(name) ?? new FieldSchema { Name = name, Type = FieldType.String };
        JsonValues.Write(writer, field.Name, field, value, EnumStyle.Name);
    }
}
