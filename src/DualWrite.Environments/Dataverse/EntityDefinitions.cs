using System.Text.Json;
using DualWrite.Core.Schema;
using DualWrite.Environments.OData;

namespace DualWrite.Environments.Dataverse;

/// <summary>
/// Table definitions in the shape of the Web API's <c>EntityDefinitions</c>: attributes with their types,
/// requirement and validity for create and update, option sets, lookup targets, and alternate keys.
/// </summary>
internal static class EntityDefinitions
{
    public static ODataResponse Handle(ODataRequest request, ResourcePath path, EnvironmentSchema schema)
    {
        var expand = ExpandedNames(request.Option("$expand"));
        if (path.KeyText is null)
        {
            return ODataResponse.Json(200, w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", $"{request.ServiceRoot}$metadata#EntityDefinitions");
                w.WriteStartArray("value");
                foreach (var table in schema.Tables)
                {
                    WriteTable(w, table, expand.Contains("Attributes"), expand.Contains("Keys"));
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        var parts = KeySegment.Parse(path.KeyText);
        var logicalName = parts is [{ Name: "LogicalName" or null, Value.Value: string name }] ? name : null;
        var found = logicalName is null ? null : schema.FindTable(logicalName);
        if (found is null)
        {
            throw new ODataException(404, "0x80040217", $"Could not find an entity with the key {path.KeyText}; address a table as EntityDefinitions(LogicalName='account').");
        }

        return path.Rest switch
        {
            [] => ODataResponse.Json(200, w => WriteTable(w, found, expand.Contains("Attributes"), expand.Contains("Keys"), $"{request.ServiceRoot}$metadata#EntityDefinitions/$entity")),
            ["Attributes"] => Collection(request, "Attributes", w => WriteAttributes(w, found)),
            ["Attributes", var cast] when AttributeTypeOfCast(cast) is { } type =>
                Collection(request, "Attributes", w => WriteAttributes(w, found, f => AttributeType(f.Type) == type, system: false)),
            ["Keys"] => Collection(request, "Keys", w => WriteKeys(w, found)),
            _ when path.Rest.Count == 1 && AttributeNamed(found, path.Rest[0]) is { } attribute =>
                ODataResponse.Json(200, w => WriteAttribute(w, found, attribute)),
            _ => throw new ODataException(404, "0x80060888", $"Resource not found for the segment '{string.Join("/", path.Rest)}'."),
        };
    }

    /// <summary>The navigation names of <c>$expand=Attributes($select=…),Keys</c>, without their options.</summary>
    private static HashSet<string> ExpandedNames(string? expand)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        var start = 0;
        var text = expand ?? string.Empty;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '(')
            {
                if (depth++ == 0)
                {
                    names.Add(text[start..i].Trim());
                }
            }
            else if (i < text.Length && text[i] == ')')
            {
                depth--;
                start = i + 1;
            }
            else if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                names.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        names.Remove(string.Empty);
        return names;
    }

    /// <summary><c>Microsoft.Dynamics.CRM.PicklistAttributeMetadata</c> to <c>Picklist</c>; null for any other segment.</summary>
    private static string? AttributeTypeOfCast(string segment)
    {
        const string prefix = DataverseMetadata.Namespace + ".";
        const string suffix = "AttributeMetadata";
        return segment.StartsWith(prefix, StringComparison.Ordinal) && segment.EndsWith(suffix, StringComparison.Ordinal) && segment.Length > prefix.Length + suffix.Length
            ? segment[prefix.Length..^suffix.Length]
            : null;
    }

    /// <summary>The attribute a segment such as <c>Attributes(LogicalName='name')</c> names, or null.</summary>
    private static FieldSchema? AttributeNamed(TableSchema table, string segment)
    {
        var path = ResourcePath.Parse(segment);
        if (path.Name != "Attributes" || path.KeyText is null)
        {
            return null;
        }

        var parts = KeySegment.Parse(path.KeyText);
        return parts is [{ Name: "LogicalName" or null, Value.Value: string name }] ? table.FindField(name) : null;
    }

    private static ODataResponse Collection(ODataRequest request, string name, Action<Utf8JsonWriter> writeItems) =>
        ODataResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{request.ServiceRoot}$metadata#EntityDefinitions/{name}");
            w.WritePropertyName("value");
            writeItems(w);
            w.WriteEndObject();
        });

    private static void WriteTable(Utf8JsonWriter w, TableSchema table, bool attributes, bool keys, string? context = null)
    {
        w.WriteStartObject();
        if (context is not null)
        {
            w.WriteString("@odata.context", context);
        }

        w.WriteString("MetadataId", StableIds.For(table.Name));
        w.WriteString("LogicalName", table.Name);
        w.WriteString("SchemaName", table.Name);
        w.WriteString("EntitySetName", table.EntitySet);
        w.WriteString("LogicalCollectionName", table.EntitySet);
        w.WriteString("PrimaryIdAttribute", table.PrimaryIdField);
        w.WriteString("PrimaryNameAttribute", table.PrimaryNameField);
        w.WriteBoolean("ChangeTrackingEnabled", true);
        if (attributes)
        {
            w.WritePropertyName("Attributes");
            WriteAttributes(w, table);
        }

        if (keys)
        {
            w.WritePropertyName("Keys");
            WriteKeys(w, table);
        }

        w.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter w, TableSchema table, Func<FieldSchema, bool>? which = null, bool system = true)
    {
        w.WriteStartArray();
        foreach (var field in table.Fields.Where(which ?? (_ => true)))
        {
            WriteAttribute(w, table, field);
        }

        foreach (var (name, type) in system ? (ReadOnlySpan<(string, string)>)[("versionnumber", "BigInt"), ("createdon", "DateTime"), ("modifiedon", "DateTime")] : [])
        {
            w.WriteStartObject();
            w.WriteString("MetadataId", StableIds.For(table.Name + "." + name));
            w.WriteString("LogicalName", name);
            w.WriteString("SchemaName", name);
            w.WriteString("AttributeType", type);
            w.WriteBoolean("IsValidForCreate", false);
            w.WriteBoolean("IsValidForUpdate", false);
            w.WriteBoolean("IsValidForRead", true);
            w.WriteStartObject("RequiredLevel");
            w.WriteString("Value", "SystemRequired");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteAttribute(Utf8JsonWriter w, TableSchema table, FieldSchema field)
    {
        w.WriteStartObject();
        w.WriteString("MetadataId", StableIds.For(table.Name + "." + field.Name));
        w.WriteString("LogicalName", field.Name);
        w.WriteString("SchemaName", field.Name);
        w.WriteString("AttributeType", AttributeType(field.Type));
        w.WriteStartObject("AttributeTypeName");
        w.WriteString("Value", AttributeType(field.Type) + "Type");
        w.WriteEndObject();
        w.WriteBoolean("IsPrimaryId", field.Name == table.PrimaryIdField);
        w.WriteBoolean("IsPrimaryName", field.Name == table.PrimaryNameField);
        w.WriteBoolean("IsValidForCreate", field.IsValidForCreate);
        w.WriteBoolean("IsValidForUpdate", field.IsValidForUpdate);
        w.WriteBoolean("IsValidForRead", !field.IsSecret);
        w.WriteStartObject("RequiredLevel");
        w.WriteString("Value", field.IsRequired ? "ApplicationRequired" : "None");
        w.WriteEndObject();
        if (field.MaxLength is { } length)
        {
            w.WriteNumber("MaxLength", length);
        }

        if (field.Type is FieldType.Decimal or FieldType.Money)
        {
            w.WriteNumber("Precision", field.Scale);
        }

        if (field.Type is FieldType.Date or FieldType.DateTime)
        {
            w.WriteString("Format", field.Type == FieldType.Date ? "DateOnly" : "DateAndTime");
        }

        if (field.Type == FieldType.Lookup)
        {
            w.WriteStartArray("Targets");
            w.WriteStringValue(field.LookupTarget);
            w.WriteEndArray();
        }

        if (field.Enum is { } options)
        {
            w.WriteStartObject("OptionSet");
            w.WriteString("Name", options.Name);
            w.WriteStartArray("Options");
            foreach (var option in options.Members)
            {
                w.WriteStartObject();
                w.WriteNumber("Value", option.Value);
                w.WriteStartObject("Label");
                w.WriteStartObject("UserLocalizedLabel");
                w.WriteString("Label", option.Name);
                w.WriteNumber("LanguageCode", 1033);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteKeys(Utf8JsonWriter w, TableSchema table)
    {
        w.WriteStartArray();
        foreach (var key in table.AlternateKeys)
        {
            w.WriteStartObject();
            w.WriteString("MetadataId", StableIds.For(table.Name + ".key." + key.Name));
            w.WriteString("LogicalName", key.Name);
            w.WriteString("SchemaName", key.Name);
            w.WriteString("EntityLogicalName", table.Name);
            w.WriteStartArray("KeyAttributes");
            foreach (var field in key.Fields)
            {
                w.WriteStringValue(field);
            }

            w.WriteEndArray();
            w.WriteString("EntityKeyIndexStatus", "Active");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string AttributeType(FieldType type) => type switch
    {
        FieldType.String => "String",
        FieldType.Integer => "Integer",
        FieldType.Decimal => "Decimal",
        FieldType.Money => "Money",
        FieldType.Boolean => "Boolean",
        FieldType.Date or FieldType.DateTime => "DateTime",
        FieldType.Guid => "Uniqueidentifier",
        FieldType.Enum => "Picklist",
        _ => "Lookup",
    };
}
