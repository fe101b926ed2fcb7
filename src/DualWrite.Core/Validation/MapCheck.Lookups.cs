using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Validation;

internal sealed partial class MapCheck
{
    /// <summary>
    /// DIPV1015: a lookup written to Dataverse finds its related row by the columns mapped through it, so those
    /// columns must make up one of the related table's keys, level by level for paths through further lookups.
    /// </summary>
    private void CheckLookupKeys()
    {
        if (dataverseTable is null)
        {
            return;
        }

        var entries = mappings
            .Where(m => m.WritesDataverse && m.Mapping.Dataverse!.IsLookup && m.DataverseLeaf is not null)
            .Select(m => (m, m.Mapping.Dataverse!.Segments))
            .ToArray();
        CheckLookupLevel(dataverseTable, string.Empty, entries);
    }

    private void CheckLookupLevel(TableSchema table, string prefix, IReadOnlyList<(ResolvedMapping Mapping, IReadOnlyList<string> Remaining)> entries)
    {
        foreach (var group in entries.Where(e => e.Remaining.Count > 1).GroupBy(e => e.Remaining[0], StringComparer.OrdinalIgnoreCase))
        {
            var lookup = table.GetField(group.Key);
            var target = dataverseSchema.GetTable(lookup.LookupTarget!);
            var path = prefix + lookup.Name;
            var next = group.Select(e => (e.Mapping, Remaining: (IReadOnlyList<string>)e.Remaining.Skip(1).ToArray())).ToArray();

            // A nested lookup counts as its column: it is resolved to that column's row first.
            var mapped = next.Select(e => target.GetField(e.Remaining[0]).Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var covered = new HashSet<string>(mapped, StringComparer.OrdinalIgnoreCase);

            // The runtime looks related company-specific rows up within the row's own company.
            if (CompanyInEffect && target.CompanyField is { } company)
            {
                covered.Add(company);
            }

            var identified = target.AlternateKeys.Any(k => k.Fields.All(covered.Contains))
                || (target.PrimaryIdField is { } id && covered.Contains(id));
            if (!identified)
            {
                Add(DipvCodes.LookupKeyNotMapped, group.First().Mapping.Text, LookupMessage(path, target, mapped, covered));
            }

            CheckLookupLevel(target, path + ".", next);
        }
    }

    private static string LookupMessage(string path, TableSchema target, IReadOnlyList<string> mapped, HashSet<string> covered)
    {
        var start = $"lookup '{path}' finds its '{target.Name}' row by the columns mapped through it ({List(mapped)})";
        if (target.AlternateKeys.Count == 0)
        {
            return $"{start}, but '{target.Name}' has no alternate key; map its primary id ('{path}.{target.PrimaryIdField}') instead";
        }

        var nearest = target.AlternateKeys.MinBy(k => k.Fields.Count(f => !covered.Contains(f)))!;
        var missing = nearest.Fields.Where(f => !covered.Contains(f)).Select(f => $"'{path}.{f}'");
        return $"{start}, which cover none of its alternate keys ({AlternateKeys(target)}); also map {string.Join(" and ", missing)}";
    }
}
