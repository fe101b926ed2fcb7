using System.Globalization;
using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;

namespace DualWrite.Connectors.Dataverse;

/// <summary>
/// A Web API entity as a <see cref="Row"/>: columns typed by the schema, lookups under their own name from
/// <c>_name_value</c>, expanded lookups flattened into values named by path. Columns the schema does not know are
/// left out, because the real service returns many the product never maps.
/// </summary>
internal static class DataverseRowReader
{
    public static Row Read(TableSchema table, JsonElement entity, ExpandPlan expand)
    {
        var row = new Row();
        foreach (var property in entity.EnumerateObject())
        {
            var name = property.Name;

            // Annotations (@odata.etag, _x_value@OData.Community.Display.V1.FormattedValue) are not values.
            if (name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            if (ColumnNames.LookupOfValueName(table, name) is { } lookup)
            {
                row[lookup.Name] = Value(table, lookup, property.Value);
            }
            else if (ColumnNames.IsSystem(name))
            {
                row[name.ToLowerInvariant()] = SystemValue(table, name, property.Value);
            }
            else if (table.FindField(name) is { Type: not FieldType.Lookup } field)
            {
                row[field.Name] = Value(table, field, property.Value);
            }
        }

        foreach (var expanded in expand.Lookups)
        {
            var related = entity.TryGetProperty(expanded.Lookup.Name, out var value) && value.ValueKind == JsonValueKind.Object ? value : (JsonElement?)null;
            foreach (var (path, column) in expanded.Columns)
            {
                row[path] = related is { } r && r.TryGetProperty(JsonNameIn(expanded.Target, column), out var columnValue)
                    ? Value(expanded.Target, column, columnValue)
                    : null;
            }
        }

        return row;
    }

    private static string JsonNameIn(TableSchema table, FieldSchema column) =>
        column.Type == FieldType.Lookup ? ColumnNames.ValueName(column) : column.Name;

    private static object? Value(TableSchema table, FieldSchema field, JsonElement value)
    {
        try
        {
            return JsonValues.Read(table, field, value, EnumStyle.Value);
        }
        catch (JsonValueException e)
        {
            throw new ConnectorException($"{table.Name}: the service returned a value that does not fit its column: {e.Message}");
        }
    }

    // versionnumber outgrows an Int32 on a real organisation, and some clients receive it as a string.
    private static object? SystemValue(TableSchema table, string name, JsonElement value)
    {
        object? read = (name.ToLowerInvariant(), value.ValueKind) switch
        {
            (_, JsonValueKind.Null) => null,
            (ColumnNames.VersionNumber, JsonValueKind.Number) when value.TryGetInt64(out var n) => n,
            (ColumnNames.VersionNumber, JsonValueKind.String) when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            (not ColumnNames.VersionNumber, JsonValueKind.String)
                when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at.ToUniversalTime(),
            _ => throw new ConnectorException($"{table.Name}: the service returned {value.GetRawText()} for the system column {name}"),
        };
        return read;
    }
}
