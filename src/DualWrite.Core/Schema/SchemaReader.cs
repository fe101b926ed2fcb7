using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualWrite.Core.Schema;

/// <summary>Reads an environment schema from its JSON form (see <c>solutions/environments/</c>).</summary>
public static class SchemaReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <param name="json">The schema text.</param>
    /// <param name="source">Where the text came from, named in every error.</param>
    public static EnvironmentSchema Parse(string json, string source)
    {
        SchemaDocument document;
        try
        {
            document = JsonSerializer.Deserialize<SchemaDocument>(json, Options)
                ?? throw new SchemaException($"{source}: the schema is empty");
        }
        catch (JsonException e)
        {
            throw new SchemaException($"{source}: line {e.LineNumber + 1}, at {e.Path}: {e.Message}");
        }

        try
        {
            var enums = (document.Enums ?? [])
                .Select(e => new EnumType(e.Name, e.Members.Select(m => new EnumMember(m.Key, m.Value)).ToArray()))
                .ToArray();
            var enumsByName = enums.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
            var tables = document.Tables.Select(t => ToTable(t, enumsByName)).ToArray();
            return new EnvironmentSchema(document.Environment, tables, enums);
        }
        catch (SchemaException e)
        {
            throw new SchemaException($"{source}: {e.Message}");
        }
    }

    private static TableSchema ToTable(TableDocument table, Dictionary<string, EnumType> enums)
    {
        var fields = table.Fields.Select(f => ToField(table.Name, f, enums)).ToArray();
        var key = table.Key ?? (table.PrimaryId is null ? [] : [table.PrimaryId]);
        return new TableSchema(
            table.Name,
            table.EntitySet ?? table.Name,
            fields,
            key,
            (table.AlternateKeys ?? []).Select(a => new AlternateKey(a.Name, a.Fields)).ToArray(),
            table.Company,
            table.PrimaryId,
            table.PrimaryName);
    }

    private static FieldSchema ToField(string table, FieldDocument field, Dictionary<string, EnumType> enums)
    {
        if (!Enum.TryParse<FieldType>(field.Type, ignoreCase: true, out var type) || int.TryParse(field.Type, out _))
        {
            throw new SchemaException(
                $"table '{table}', field '{field.Name}': unknown type '{field.Type}' (expected one of {string.Join(", ", Enum.GetNames<FieldType>()).ToLowerInvariant()})");
        }

        EnumType? enumType = null;
        if (type == FieldType.Enum && (field.Enum is null || !enums.TryGetValue(field.Enum, out enumType)))
        {
            throw new SchemaException($"table '{table}', field '{field.Name}': enum '{field.Enum}' is not declared");
        }

        if (type == FieldType.Lookup && field.Target is null)
        {
            throw new SchemaException($"table '{table}', field '{field.Name}': a lookup needs a target table");
        }

        return new FieldSchema
        {
            Name = field.Name,
            Type = type,
            MaxLength = field.Length,
            Scale = field.Scale ?? 4,
            Enum = enumType,
            LookupTarget = field.Target,
            IsRequired = field.Required,
            IsValidForCreate = field.ValidForCreate ?? true,
            IsValidForUpdate = field.ValidForUpdate ?? true,
            IsSecret = field.Secret,
            Description = field.Description,
        };
    }

    private sealed record SchemaDocument(string Environment, List<EnumDocument>? Enums, List<TableDocument> Tables);

    private sealed record EnumDocument(string Name, Dictionary<string, int> Members);

    private sealed record TableDocument(
        string Name,
        string? EntitySet,
        string? Company,
        List<string>? Key,
        string? PrimaryId,
        string? PrimaryName,
        List<AlternateKeyDocument>? AlternateKeys,
        List<FieldDocument> Fields);

    private sealed record AlternateKeyDocument(string Name, List<string> Fields);

    private sealed record FieldDocument(
        string Name,
        string Type,
        int? Length,
        int? Scale,
        string? Enum,
        string? Target,
        bool Required,
        bool? ValidForCreate,
        bool? ValidForUpdate,
        bool Secret,
        string? Description);
}
