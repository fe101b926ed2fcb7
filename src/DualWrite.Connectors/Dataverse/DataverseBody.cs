using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;

namespace DualWrite.Connectors.Dataverse;

/// <summary>
/// The JSON body of a create or update: plain columns as values (option sets by number), lookups as
/// <c>name@odata.bind</c> to the related row's address, or null to clear them.
/// </summary>
internal static class DataverseBody
{
    private const string BindSuffix = "@odata.bind";

    public static byte[] Write(EnvironmentSchema schema, TableSchema table, Row? values, IReadOnlyDictionary<string, Guid?>? binds)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteProperties(writer, schema, table, values, binds);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The properties of a body, into an object the caller has opened (one of many in a request).</summary>
    public static void WriteProperties(Utf8JsonWriter writer, EnvironmentSchema schema, TableSchema table, Row? values, IReadOnlyDictionary<string, Guid?>? binds)
    {
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, value) in values ?? [])
        {
            var field = ColumnNames.Field(table, column);
            if (!written.Add(field.Name))
            {
                throw new ArgumentException($"{table.Name}: the column '{field.Name}' is set twice", nameof(values));
            }

            if (field.Type == FieldType.Lookup)
            {
                WriteBind(writer, schema, table, field, value switch
                {
                    null => null,
                    Guid id => id,
                    _ => throw new ArgumentException(
                        $"{table.Name}: the lookup '{field.Name}' takes the related row's Guid, not the {value.GetType().Name} {value}", nameof(values)),
                });
                continue;
            }

            JsonValues.Write(writer, field.Name, field, value, EnumStyle.Value);
        }

        foreach (var (column, id) in binds ?? new Dictionary<string, Guid?>())
        {
            var field = ColumnNames.Field(table, column);
            if (field.Type != FieldType.Lookup)
            {
                throw new ArgumentException($"{table.Name}: '{field.Name}' is not a lookup, so it cannot be bound", nameof(binds));
            }

            if (!written.Add(field.Name))
            {
                throw new ArgumentException($"{table.Name}: the lookup '{field.Name}' is set twice", nameof(binds));
            }

            WriteBind(writer, schema, table, field, id);
        }
    }

    private static void WriteBind(Utf8JsonWriter writer, EnvironmentSchema schema, TableSchema table, FieldSchema lookup, Guid? id)
    {
        var name = lookup.Name + BindSuffix;
        if (id is { } related)
        {
            writer.WriteString(name, RowUrls.Bind(schema.GetTable(lookup.LookupTarget!), related));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
