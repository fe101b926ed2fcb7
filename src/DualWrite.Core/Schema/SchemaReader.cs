using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualWrite.Core.Schema;

/// <summary>Reads an environment schema from its JSON form (see <c>solutions/environments/</c>).</summary>
public static class SchemaReader
{
    private const int MaxScale = 10;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // Enum.TryParse would also take " integer ", "7" and "string, integer" (read as a combination of flags).
    private static readonly Dictionary<string, FieldType> FieldTypes =
        Enum.GetValues<FieldType>().ToDictionary(t => t.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <param name="json">The schema text.</param>
    /// <param name="source">Where the text came from, named in every error.</param>
    public static EnvironmentSchema Parse(string json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new SchemaException($"{source}: the schema is empty");
        }

        SchemaDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SchemaDocument>(json, Options);
        }
        catch (JsonException e)
        {
            var error = SchemaJsonError.Describe(e, json, Options.GetTypeInfo(typeof(SchemaDocument)));
            throw new SchemaException($"{source}: {error}", e);
        }

        try
        {
            return ToSchema(document ?? throw new SchemaException("the schema is empty"));
        }
        catch (SchemaException e)
        {
            throw new SchemaException($"{source}: {e.Message}", e);
        }
    }

    private static EnvironmentSchema ToSchema(SchemaDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Environment))
        {
            throw new SchemaException("the schema names no environment");
        }

        if (document.Tables is null)
        {
            throw new SchemaException("the schema has no tables list");
        }

        var enums = (document.Enums ?? []).Select(ToEnum).ToArray();
        var enumsByName = new Dictionary<string, EnumType>(StringComparer.OrdinalIgnoreCase);
        foreach (var enumType in enums)
        {
            if (!enumsByName.TryAdd(enumType.Name, enumType))
            {
                throw new SchemaException($"enum '{enumType.Name}' is declared twice");
            }
        }

        var tables = document.Tables.Select((t, i) => ToTable(t, i, enumsByName)).ToArray();
        return new EnvironmentSchema(document.Environment, tables, enums);
    }

    private static EnumType ToEnum(EnumDocument? document, int index)
    {
        var name = NameOf(Present(document, "enum", index).Name, "enum", index);

        // Without members no field of this enum could ever hold a value.
        if (document.Members is not { Count: > 0 })
        {
            throw new SchemaException($"enum '{name}' has no members");
        }

        return new EnumType(name, document.Members.Select(m => new EnumMember(m.Key, m.Value)).ToArray());
    }

    private static TableSchema ToTable(TableDocument? document, int index, Dictionary<string, EnumType> enums)
    {
        var name = NameOf(Present(document, "table", index).Name, "table", index);
        if (document.Fields is not { Count: > 0 })
        {
            throw new SchemaException($"table '{name}' has no fields");
        }

        var fields = document.Fields.Select((f, i) => ToField(name, f, i, enums)).ToArray();

        // "key": [] says no more than leaving the key out, so the primary id still stands in for it.
        IReadOnlyList<string> key = document.Key is { Count: > 0 }
            ? FieldNames(document.Key, $"table '{name}': key")
            : document.PrimaryId is null ? [] : [document.PrimaryId];
        return new TableSchema(
            name,
            document.EntitySet ?? name,
            fields,
            key,
            (document.AlternateKeys ?? []).Select((a, i) => ToAlternateKey(name, a, i)).ToArray(),
            document.Company,
            document.PrimaryId,
            document.PrimaryName);
    }

    private static AlternateKey ToAlternateKey(string table, AlternateKeyDocument? document, int index)
    {
        var what = $"table '{table}': alternate key";
        var name = NameOf(Present(document, what, index).Name, what, index);
        if (document.Fields is not { Count: > 0 })
        {
            throw new SchemaException($"{what} '{name}' has no fields");
        }

        return new AlternateKey(name, FieldNames(document.Fields, $"{what} '{name}'"));
    }

    private static FieldSchema ToField(string table, FieldDocument? document, int index, Dictionary<string, EnumType> enums)
    {
        var name = NameOf(Present(document, $"table '{table}', field", index).Name, $"table '{table}', field", index);
        var where = $"table '{table}', field '{name}'";
        if (document.Type is null)
        {
            throw new SchemaException($"{where} has no type");
        }

        if (!FieldTypes.TryGetValue(document.Type, out var type))
        {
            throw new SchemaException(
                $"{where}: unknown type '{document.Type}' (expected one of {string.Join(", ", FieldTypes.Keys).ToLowerInvariant()})");
        }

        // A setting the type has no use for is a sign the type or the setting is a mistake, so neither is guessed at.
        if (document.Enum is not null && type != FieldType.Enum)
        {
            throw new SchemaException($"{where}: only an enum field names an enum, and this one is {TypeName(type)}");
        }

        if (document.Target is not null && type != FieldType.Lookup)
        {
            throw new SchemaException($"{where}: only a lookup field names a target table, and this one is {TypeName(type)}");
        }

        EnumType? enumType = null;
        if (type == FieldType.Enum && (document.Enum is null || !enums.TryGetValue(document.Enum, out enumType)))
        {
            throw new SchemaException($"{where}: enum '{document.Enum}' is not declared");
        }

        if (type == FieldType.Lookup && document.Target is null)
        {
            throw new SchemaException($"{where}: a lookup needs a target table");
        }

        if (document.Length is < 1)
        {
            throw new SchemaException($"{where}: length must be at least 1, not {document.Length}");
        }

        // Ten places is the most a Dataverse decimal column keeps.
        if (document.Scale is < 0 or > MaxScale)
        {
            throw new SchemaException($"{where}: scale must be from 0 to {MaxScale}, not {document.Scale}");
        }

        return new FieldSchema
        {
            Name = name,
            Type = type,
            MaxLength = document.Length,
            Scale = document.Scale ?? 4,
            Enum = enumType,
            LookupTarget = document.Target,
            IsRequired = document.Required,
            IsValidForCreate = document.ValidForCreate ?? true,
            IsValidForUpdate = document.ValidForUpdate ?? true,
            IsSecret = document.Secret,
            Description = document.Description,
        };
    }

    private static string TypeName(FieldType type) => type.ToString().ToLowerInvariant();

    // Entries are counted from 1 because a nameless entry can only be pointed at by where it stands.
    private static T Present<T>([NotNull] T? document, string what, int index)
        where T : class =>
        document ?? throw new SchemaException($"{what} #{index + 1} is null");

    private static string NameOf(string? name, string what, int index) =>
        string.IsNullOrWhiteSpace(name) ? throw new SchemaException($"{what} #{index + 1} has no name") : name;

    private static string[] FieldNames(List<string?> names, string what) =>
        names.Select(n => string.IsNullOrWhiteSpace(n) ? throw new SchemaException($"{what} has a blank field name") : n).ToArray();

    private sealed record SchemaDocument(string? Environment, List<EnumDocument?>? Enums, List<TableDocument?>? Tables);

    private sealed record EnumDocument(string? Name, Dictionary<string, int>? Members);

    private sealed record TableDocument(
        string? Name,
        string? EntitySet,
        string? Company,
        List<string?>? Key,
        string? PrimaryId,
        string? PrimaryName,
        List<AlternateKeyDocument?>? AlternateKeys,
        List<FieldDocument?>? Fields);

    private sealed record AlternateKeyDocument(string? Name, List<string?>? Fields);

    private sealed record FieldDocument(
        string? Name,
        string? Type,
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
