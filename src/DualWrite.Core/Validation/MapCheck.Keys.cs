using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Validation;

internal sealed partial class MapCheck
{
    /// <summary>DIPV1003, DIPV1014 and DIPV1004: the key that matches rows across the two sides.</summary>
    private void CheckIntegrationKey()
    {
        if (map.IntegrationKey.Count == 0)
        {
            var hint = dataverseTable is null ? string.Empty : $"; list the columns of one of the alternate keys of '{dataverseTable.Name}': {AlternateKeys(dataverseTable)}";
            Add(DipvCodes.IntegrationKeyInvalid, null, $"the map has no integration key{hint}");

            // Without a key there is nothing to map the F&O key fields to; the finding above already says so.
            return;
        }

        CheckKeyIsAlternateKey();

        // The company part is carried by the runtime, so it needs no mapping even when the key lists it.
        var keyPaths = map.IntegrationKey.Where(k => !IsCompanyPath(k)).Distinct().ToArray();
        foreach (var path in keyPaths)
        {
            var mapped = mappings.Where(m => path.Equals(m.Mapping.Dataverse)).ToArray();
            if (mapped.Length == 0)
            {
                var fields = finOpsTable is null ? "an F&O key field" : $"the F&O key field ({List(FinOpsKey())})";
                Add(DipvCodes.KeyFieldNotMapped, path.ToString(), $"integration key column '{path}' has no mapping; map {fields} to it");
            }
            else if (mapped.All(m => m.Mapping.FinOps is null))
            {
                Add(DipvCodes.KeyFieldNotMapped, mapped[0].Text,
                    $"integration key column '{path}' is mapped from none; a key column takes its value from an F&O key field");
            }
        }

        if (finOpsTable is not null)
        {
            foreach (var field in FinOpsKey())
            {
                if (mappings.Any(m => string.Equals(m.Mapping.FinOps, field, IgnoreCase) && keyPaths.Contains(m.Mapping.Dataverse)))
                {
                    continue;
                }

                var elsewhere = mappings.FirstOrDefault(m => string.Equals(m.Mapping.FinOps, field, IgnoreCase) && m.Mapping.Dataverse is not null);
                var where = elsewhere is null ? string.Empty : $", only to '{elsewhere.Mapping.Dataverse}', which is not part of the key";
                Add(DipvCodes.KeyFieldNotMapped, elsewhere?.Text ?? field,
                    $"F&O entity key field '{field}' of '{finOpsTable.Name}' is not mapped to an integration key column ({List(keyPaths.Select(p => p.ToString()))}){where}; " +
                    "map it to a key column, or key the map by its column");
            }
        }

        CheckKeyDirections(keyPaths);
    }

    /// <summary>
    /// The key's columns, with the company when the table's rows carry one, must be exactly one of the Dataverse
    /// table's alternate keys.
    /// </summary>
    private void CheckKeyIsAlternateKey()
    {
        if (dataverseTable is null)
        {
            return;
        }

        var columns = new HashSet<string>(map.IntegrationKey.Select(k => k.Column), StringComparer.OrdinalIgnoreCase);
        if (dataverseTable.CompanyField is { } company)
        {
            columns.Add(company);
        }

        if (dataverseTable.AlternateKeys.Any(k => columns.SetEquals(k.Fields)))
        {
            return;
        }

        var key = List(map.IntegrationKey.Select(k => k.ToString())) + (dataverseTable.IsCompanySpecific ? " + company" : string.Empty);
        Add(DipvCodes.IntegrationKeyInvalid, null, dataverseTable.AlternateKeys.Count == 0
            ? $"the integration key ({key}) cannot be used: Dataverse table '{dataverseTable.Name}' has no alternate key to find rows by"
            : $"the integration key ({key}) is not one of the alternate keys of Dataverse table '{dataverseTable.Name}': {AlternateKeys(dataverseTable)}; " +
              "list the columns of one of them");
    }

    /// <summary>
    /// A key mapped one way leaves the rows created on the other side without a key. So the key must carry every
    /// direction the map carries: two-way whenever any mapping is two-way (or the map has mappings each way).
    /// </summary>
    private void CheckKeyDirections(IReadOnlyCollection<FieldPath> keyPaths)
    {
        var toDataverse = mappings.Any(m => m.Mapping.Carries(SyncDirection.FinOpsToDataverse));
        var toFinOps = mappings.Any(m => m.Mapping.Carries(SyncDirection.DataverseToFinOps));
        if (!toDataverse || !toFinOps)
        {
            return;
        }

        foreach (var mapping in mappings.Where(m => m.Mapping.FinOps is not null && keyPaths.Contains(m.Mapping.Dataverse) && m.Mapping.Direction != MappingDirection.Both))
        {
            var way = mapping.Mapping.Direction == MappingDirection.ToDataverse ? "only to Dataverse (>)" : "only to F&O (<)";
            Add(DipvCodes.KeyNotTwoWay, mapping.Text,
                $"integration key column '{mapping.Mapping.Dataverse}' is mapped {way}, while the map carries values both ways; " +
                "map the key two-way (=) so that rows created on either side get their key");
        }
    }

    private bool IsCompanyPath(FieldPath path) =>
        CompanyInEffect && string.Equals(path.Column, DataverseCompanyField, IgnoreCase);

    private IEnumerable<string> FinOpsKey() =>
        finOpsTable!.Key.Where(k => !string.Equals(k, finOpsTable.CompanyField, IgnoreCase));

    private static string AlternateKeys(TableSchema table) => table.AlternateKeys.Count == 0
        ? "(none)"
        : string.Join("; ", table.AlternateKeys.Select(k => $"{k.Name} ({List(k.Fields)})"));
}
