using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;
using DualWrite.Protocols.Json;

namespace DualWrite.Environments.Dataverse;

/// <summary>Dataverse rows as Web API JSON: option sets by value, lookups as <c>_name_value</c>, bindings on write.</summary>
internal static class DataverseJson
{
    public static string ETag(StoredRow row) => $"W/\"{row.Version}\"";

    /// <param name="writer">Where to write.</param>
    /// <param name="table">The row's table.</param>
    /// <param name="row">The row.</param>
    /// <param name="select">The JSON names asked for, or null for all.</param>
    /// <param name="expand">Lookups to expand with the related row they point at (null when it does not exist).</param>
    /// <param name="context">The <c>@odata.context</c> of a single entity response, or null inside a collection.</param>
    public static void WriteEntity(
        Utf8JsonWriter writer,
        TableSchema table,
        StoredRow row,
        IReadOnlyList<string>? select,
        IReadOnlyList<(ExpandOption Option, FieldSchema Lookup, TableSchema Target, StoredRow? Related)> expand,
        string? context = null)
    {
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString("@odata.context", context);
        }

        writer.WriteString("@odata.etag", ETag(row));
        WriteColumns(writer, table, row, select);
        foreach (var (option, _, target, related) in expand)
        {
            writer.WritePropertyName(option.Navigation);
            if (related is null)
            {
                writer.WriteNullValue();
                continue;
            }

            writer.WriteStartObject();
            WriteColumns(writer, target, related, option.Select);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static void WriteColumns(Utf8JsonWriter writer, TableSchema table, StoredRow row, IReadOnlyList<string>? select)
    {
        bool Wanted(string name) =>
            select is null || name == table.PrimaryIdField || select.Contains(name, StringComparer.OrdinalIgnoreCase);

        foreach (var field in table.Fields.Where(f => !f.IsSecret))
        {
            var name = DataverseFields.JsonName(field);
            if (Wanted(name))
            {
                JsonValues.Write(writer, name, field, row.Values[field.Name], EnumStyle.Value);
            }
        }

        if (Wanted(DataverseFields.VersionNumber))
        {
            writer.WriteNumber(DataverseFields.VersionNumber, row.Version);
        }

        if (Wanted(DataverseFields.CreatedOn))
        {
            JsonValues.Write(writer, DataverseFields.CreatedOn, SystemFields.CreatedOn, row.CreatedOn, EnumStyle.Value);
        }

        if (Wanted(DataverseFields.ModifiedOn))
        {
            JsonValues.Write(writer, DataverseFields.ModifiedOn, SystemFields.ModifiedOn, row.ModifiedOn, EnumStyle.Value);
        }
    }

    /// <summary>
    /// The columns a body sets. Lookups come as <c>name@odata.bind</c>, resolved by <paramref name="bind"/>
    /// to the related row's id; a null binding clears the lookup.
    /// </summary>
    public static Row ReadBody(TableSchema table, byte[] body, Func<FieldSchema, string, Guid> bind)
    {
        var row = new Row();
        JsonBody.ReadObject(body, "0x80048d19", property => ReadProperty(table, property, row, bind));
        return row;
    }

    /// <summary>As <see cref="ReadBody(TableSchema, byte[], Func{FieldSchema, string, Guid})"/>, for one object of a body that holds many.</summary>
    public static Row ReadBody(TableSchema table, JsonElement body, Func<FieldSchema, string, Guid> bind)
    {
        var row = new Row();
        JsonBody.ReadObject(body, "0x80048d19", property => ReadProperty(table, property, row, bind));
        return row;
    }

    private static void ReadProperty(TableSchema table, JsonProperty property, Row row, Func<FieldSchema, string, Guid> bind)
    {
        const string bindSuffix = "@odata.bind";
        var name = property.Name;
        if (name.EndsWith(bindSuffix, StringComparison.Ordinal))
        {
            var navigation = name[..^bindSuffix.Length];
            var bound = table.FindField(navigation);
            if (bound?.Type != FieldType.Lookup)
            {
                throw new ODataException(400, "0x80048d19", $"'{navigation}' in '{name}' is not a lookup of {table.Name}.");
            }

            row[bound.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => bind(bound, property.Value.GetString()!),
                _ => throw new ODataException(400, "0x80048d19", $"'{name}' must be the address of the related row, such as \"/{bound.LookupTarget}s(<id>)\"."),
            };
            return;
        }

        if (name.StartsWith('@') || name.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        var field = table.FindField(name);
        var lookup = field?.Type == FieldType.Lookup ? field : DataverseFields.Resolve(table, name) is { Type: FieldType.Lookup } named ? named : null;
        if (lookup is not null)
        {
            throw new ODataException(400, "0x80048d19", $"The lookup '{name}' of {table.Name} is set through '{lookup.Name}@odata.bind', not directly.");
        }

        if (field is null)
        {
            throw new ODataException(400, "0x80048d19", $"Invalid property '{name}' was found in entity 'Microsoft.Dynamics.CRM.{table.Name}'.");
        }

        if (!field.IsValidForCreate && !field.IsValidForUpdate)
        {
            throw new ODataException(400, "0x80048d19", $"The column '{field.Name}' of {table.Name} is read-only: the platform sets it.");
        }

        row[field.Name] = JsonValues.Read(table, field, property.Value, EnumStyle.Value);
    }
}
