using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Validation;

/// <summary>
/// Every rule checked against one map. Rules that need a table the schema does not have are skipped rather than
/// reported again, so each mistake shows up once, under the rule that names its cause.
/// </summary>
internal sealed partial class MapCheck
{
    private const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;

    private readonly TableMap map;
    private readonly EnvironmentSchema finOpsSchema;
    private readonly EnvironmentSchema dataverseSchema;
    private readonly TableSchema? finOpsTable;
    private readonly TableSchema? dataverseTable;
    private readonly List<MapFinding> findings = [];
    private ResolvedMapping[] mappings = [];

    public MapCheck(TableMap map, EnvironmentSchema finOps, EnvironmentSchema dataverse)
    {
        this.map = map;
        finOpsSchema = finOps;
        dataverseSchema = dataverse;

        // Looked up as the row mapper looks them up, so that what validates is what runs.
        finOpsTable = finOps.FindTable(map.FinOpsEntity) ?? finOps.FindByEntitySet(map.FinOpsEntity);
        dataverseTable = dataverse.FindByEntitySet(map.DataverseTable) ?? dataverse.FindTable(map.DataverseTable);
    }

    /// <summary>
    /// The striping the rows really have: a Dataverse table with a company field has the company in every key,
    /// whatever the map's flag says; a wrong flag is reported once (DIPV1002) rather than again through every key.
    /// </summary>
    private bool CompanyInEffect => dataverseTable?.IsCompanySpecific ?? map.CompanySpecific;

    private string? DataverseCompanyField => dataverseTable is null ? (map.CompanySpecific ? "msdyn_company" : null) : dataverseTable.CompanyField;

    private string? FinOpsCompanyField => finOpsTable is null ? (map.CompanySpecific ? "dataAreaId" : null) : finOpsTable.CompanyField;

    public IReadOnlyList<MapFinding> Run()
    {
        CheckTables();
        CheckStriping();
        mappings = map.Fields.Select(Resolve).ToArray();
        foreach (var mapping in mappings)
        {
            CheckShape(mapping);
            CheckCompanyMapped(mapping);
            CheckReadOnly(mapping);
            CheckTypes(mapping);
            CheckDefaults(mapping);
            CheckValueMap(mapping);
        }

        CheckDuplicateFinOps();
        CheckDuplicateDataverse();
        CheckRequiredDataverse();
        CheckRequiredFinOps();
        CheckIntegrationKey();
        CheckLookupKeys();
        CheckFilters();
        return findings;
    }

    /// <summary>DIPV1021 and DIPV1024 for the map's two tables; the checks that need a missing one skip it.</summary>
    private void CheckTables()
    {
        if (finOpsTable is null)
        {
            Add(DipvCodes.FinOpsFieldNotFound, null, $"F&O has no entity '{map.FinOpsEntity}'{NameHint.For(map.FinOpsEntity, finOpsSchema.Tables.Select(t => t.Name))}");
        }

        if (dataverseTable is null)
        {
            Add(DipvCodes.DataverseFieldNotFound, null, $"Dataverse has no table '{map.DataverseTable}'{NameHint.For(map.DataverseTable, dataverseSchema.Tables.Select(t => t.EntitySet))}");
        }
    }

    private void Add(string code, string? field, string message) => findings.Add(new MapFinding(code, map.Name, field, message));

    private ResolvedMapping Resolve(FieldMapping mapping)
    {
        var text = MapText.Of(mapping);
        FieldSchema? finOps = null;
        if (mapping.FinOps is { } name && finOpsTable is not null)
        {
            finOps = finOpsTable.FindField(name);
            if (finOps is null)
            {
                Add(DipvCodes.FinOpsFieldNotFound, text,
                    $"F&O entity '{finOpsTable.Name}' has no field '{name}'{NameHint.For(name, finOpsTable.Fields.Select(f => f.Name))}");
            }
        }

        FieldSchema? column = null;
        FieldSchema? leaf = null;
        if (mapping.Dataverse is { } path && dataverseTable is not null)
        {
            (column, leaf) = ResolvePath(path, text, mapping.Carries(SyncDirection.FinOpsToDataverse));
        }

        return new ResolvedMapping { Mapping = mapping, Text = text, FinOps = finOps, DataverseColumn = column, DataverseLeaf = leaf };
    }

    /// <summary>Follows a column or lookup path segment by segment, reporting the first segment that breaks it.</summary>
    private (FieldSchema? Column, FieldSchema? Leaf) ResolvePath(FieldPath path, string text, bool written)
    {
        var table = dataverseTable!;
        FieldSchema? column = null;
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var segment = path.Segments[i];
            var field = table.FindField(segment);
            if (field is null)
            {
                var where = path.IsLookup ? $" (in '{path}')" : string.Empty;
                Add(DipvCodes.DataverseFieldNotFound, text,
                    $"Dataverse table '{table.Name}' has no column '{segment}'{where}{NameHint.For(segment, table.Fields.Select(f => f.Name))}");
                return (column, null);
            }

            column ??= field;
            if (i == path.Segments.Count - 1)
            {
                return (column, field);
            }

            if (field.Type != FieldType.Lookup)
            {
                var rest = string.Join(".", path.Segments.Skip(i + 1));
                if (i == 0 && written)
                {
                    Add(DipvCodes.ReadOnlyFieldMapped, text,
                        $"'{field.Name}' is a {TypeText(field)} column, not a lookup, so nothing can be written to it through '{rest}'; " +
                        $"map the column '{field.Name}' itself, or a lookup path");
                }
                else
                {
                    Add(DipvCodes.DataverseFieldNotFound, text,
                        $"'{field.Name}' in '{path}' is a {TypeText(field)} column of '{table.Name}', not a lookup, so the path cannot go on to '{rest}'");
                }

                return (column, null);
            }

            // The schema refuses lookups to tables it does not declare, so the target is always there.
            table = dataverseSchema.GetTable(field.LookupTarget!);
        }

        return (column, null);
    }

    private static string TypeText(FieldSchema field) => field.Type switch
    {
        FieldType.Enum => $"enum {field.Enum?.Name}",
        FieldType.Lookup => $"lookup to {field.LookupTarget}",
        _ => field.Type.ToString().ToLowerInvariant(),
    };

    private static string List(IEnumerable<string> names) => string.Join(", ", names);
}
