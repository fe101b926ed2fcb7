namespace DualWrite.Core.Schema;

/// <summary>One F&amp;O data entity or one Dataverse table: its fields, its key and its company striping.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, FieldSchema> byName;

    public TableSchema(
        string name,
        string entitySet,
        IReadOnlyList<FieldSchema> fields,
        IReadOnlyList<string> key,
        IReadOnlyList<AlternateKey> alternateKeys,
        string? companyField,
        string? primaryIdField = null,
        string? primaryNameField = null)
    {
        Name = name;
        EntitySet = entitySet;
        Fields = fields;
        byName = new Dictionary<string, FieldSchema>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (!byName.TryAdd(field.Name, field))
            {
                throw new SchemaException($"table '{name}': field '{field.Name}' is declared twice");
            }
        }

        Key = key.Select(k => Require(k, "key")).ToArray();
        AlternateKeys = alternateKeys
            .Select(a => a with { Fields = a.Fields.Select(f => Require(f, $"alternate key '{a.Name}'")).ToArray() })
            .ToArray();
        CompanyField = companyField is null ? null : Require(companyField, "company field");
        PrimaryIdField = primaryIdField is null ? null : Require(primaryIdField, "primary id");
        PrimaryNameField = primaryNameField is null ? null : Require(primaryNameField, "primary name");
        if (Key.Count == 0)
        {
            throw new SchemaException($"table '{name}' has no key");
        }

        var primaryIdType = PrimaryIdField is null ? FieldType.Guid : byName[PrimaryIdField].Type;
        if (primaryIdType != FieldType.Guid)
        {
            throw new SchemaException(
                $"table '{name}': primary id '{PrimaryIdField}' is a {primaryIdType.ToString().ToLowerInvariant()} field, not a guid field");
        }

        if (CompanyField is not null)
        {
            // A row's own GUID is unique across companies; any other key only tells rows apart within one company.
            var keyedById = Key.Count == 1 && Key[0] == PrimaryIdField;
            if (!keyedById && !Key.Contains(CompanyField))
            {
                throw new SchemaException(
                    $"table '{name}': the key ({string.Join(", ", Key)}) leaves out the company field '{CompanyField}'");
            }

            var withoutCompany = AlternateKeys.FirstOrDefault(a => !a.Fields.Contains(CompanyField));
            if (withoutCompany is not null)
            {
                throw new SchemaException(
                    $"table '{name}': alternate key '{withoutCompany.Name}' leaves out the company field '{CompanyField}'");
            }
        }
    }

    /// <summary>The logical name (Dataverse) or entity name (F&amp;O).</summary>
    public string Name { get; }

    /// <summary>The name of the collection in URLs: <c>accounts</c>, <c>CustomersV3</c>.</summary>
    public string EntitySet { get; }

    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>The fields that identify a row: the F&amp;O entity key, or the Dataverse primary id.</summary>
    public IReadOnlyList<string> Key { get; }

    public IReadOnlyList<AlternateKey> AlternateKeys { get; }

    /// <summary><c>dataAreaId</c> or <c>msdyn_company</c> on company-specific tables; null on global ones.</summary>
    public string? CompanyField { get; }

    public bool IsCompanySpecific => CompanyField is not null;

    public string? PrimaryIdField { get; }

    public string? PrimaryNameField { get; }

    public FieldSchema? FindField(string name) => byName.GetValueOrDefault(name);

    public FieldSchema GetField(string name) =>
        FindField(name) ?? throw new KeyNotFoundException($"table '{Name}' has no field '{name}'");

    private string Require(string field, string role) =>
        byName.TryGetValue(field, out var found)
            ? found.Name
            : throw new SchemaException($"table '{Name}': {role} names field '{field}', which is not declared");
}
