namespace DualWrite.Core.Schema;

/// <summary>Every table of one environment, found by logical name or by entity set name.</summary>
public sealed class EnvironmentSchema
{
    private readonly Dictionary<string, TableSchema> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TableSchema> byEntitySet = new(StringComparer.OrdinalIgnoreCase);

    public EnvironmentSchema(string environment, IReadOnlyList<TableSchema> tables, IReadOnlyList<EnumType> enums)
    {
        Environment = environment;
        Tables = tables;
        Enums = enums;
        foreach (var table in tables)
        {
            if (!byName.TryAdd(table.Name, table) || !byEntitySet.TryAdd(table.EntitySet, table))
            {
                throw new SchemaException($"{environment}: table '{table.Name}' ({table.EntitySet}) is declared twice");
            }
        }

        foreach (var table in tables)
        {
            foreach (var lookup in table.Fields.Where(f => f.Type == FieldType.Lookup))
            {
                if (lookup.LookupTarget is null || !byName.ContainsKey(lookup.LookupTarget))
                {
                    throw new SchemaException(
                        $"{environment}: lookup '{table.Name}.{lookup.Name}' targets unknown table '{lookup.LookupTarget}'");
                }
            }
        }
    }

    public string Environment { get; }

    public IReadOnlyList<TableSchema> Tables { get; }

    public IReadOnlyList<EnumType> Enums { get; }

    public TableSchema? FindTable(string name) => byName.GetValueOrDefault(name);

    public TableSchema GetTable(string name) =>
        FindTable(name) ?? throw new KeyNotFoundException($"{Environment} has no table '{name}'");

    public TableSchema? FindByEntitySet(string entitySet) => byEntitySet.GetValueOrDefault(entitySet);
}
