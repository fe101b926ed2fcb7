using DualWrite.Core.Filtering;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Mapping;

public sealed partial class RowMapper
{
    /// <summary>
    /// An F&amp;O row as the Dataverse row to write. With <paramref name="changedFields"/> (an update), only the
    /// mappings whose F&amp;O field changed are carried, with the key; without, every mapping and every default.
    /// </summary>
    public MapResult ToDataverse(Row source, IReadOnlyCollection<string>? changedFields = null)
    {
        var key = KeyOfFinOps(source);
        if (Admit(toDataverse, key, source, changedFields) is { } refused)
        {
            return refused;
        }

        var company = Map.CompanySpecific ? key.Parts[0].Value as string : null;
        var values = new Row();
        var errors = new List<RowError>();
        var lookups = new Dictionary<string, List<(IReadOnlyList<string> Remaining, object? Value)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in toDataverse.Carried)
        {
            if (changedFields is not null && !mapping.IsKey && (mapping.FinOps is null || !changedFields.Contains(mapping.FinOps.Name, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            var raw = mapping.FinOps is null ? null : source.GetValueOrDefault(mapping.FinOps.Name);
            try
            {
                if (!TryCarry(source, mapping.FinOps?.Name, mapping.FinOps, mapping.DataverseLeaf!, mapping.DataverseDefault,
                    mapping.Pairs, p => p.FinOps, p => p.Dataverse, mapping.PairDefault, changedFields is null, out var value))
                {
                    continue;
                }

                var path = mapping.Mapping.Dataverse!;
                if (path.IsLookup)
                {
                    lookups.TryAdd(path.Column, []);
                    lookups[path.Column].Add((path.Segments.Skip(1).ToArray(), value));
                }
                else
                {
                    values[mapping.DataverseColumn!.Name] = value;
                }
            }
            catch (FieldValueException e)
            {
                errors.Add(Error(key, mapping, raw, mapping.FinOps, e.Message));
            }
        }

        var requests = new List<LookupRequest>();
        foreach (var (column, entries) in lookups)
        {
            var lookup = DataverseTable.GetField(column);
            if (entries.All(e => e.Value is null))
            {
                // Every key value of the related row is empty: the lookup is cleared rather than looked up.
                values[lookup.Name] = null;
                continue;
            }

            requests.Add(Request(lookup, column, entries, company));
        }

        if (company is not null)
        {
            requests.Add(CompanyRequest(DataverseTable, company));
        }

        return errors.Count > 0
            ? new MapResult { Outcome = MapOutcome.Failed, Key = key, Errors = errors }
            : new MapResult { Outcome = MapOutcome.Mapped, Key = key, Values = values, Lookups = requests };
    }

    /// <summary>
    /// The related row of a lookup, by the mapped columns of its key; nested for a path through further lookups,
    /// and within the row's own company when the related table is company-specific.
    /// </summary>
    private LookupRequest Request(FieldSchema lookup, string path, IReadOnlyList<(IReadOnlyList<string> Remaining, object? Value)> entries, string? company)
    {
        var target = dataverseSchema.GetTable(lookup.LookupTarget!);
        var conditions = new List<LookupCondition>();
        foreach (var group in entries.GroupBy(e => e.Remaining[0], StringComparer.OrdinalIgnoreCase))
        {
            var field = target.GetField(group.Key);
            var leaves = group.Where(e => e.Remaining.Count == 1).ToArray();
            if (leaves.Length > 0)
            {
                conditions.Add(new LookupCondition(field.Name, leaves[0].Value));
            }
            else
            {
                var nested = group.Select(e => ((IReadOnlyList<string>)e.Remaining.Skip(1).ToArray(), e.Value)).ToArray();
                conditions.Add(new LookupCondition(field.Name, null, Request(field, $"{path}.{field.Name}", nested, company)));
            }
        }

        if (company is not null && target.CompanyField is { } companyField && !conditions.Any(c => string.Equals(c.Column, companyField, StringComparison.OrdinalIgnoreCase)))
        {
            conditions.Add(new LookupCondition(companyField, null, CompanyRequest(target, company)));
        }

        return new LookupRequest(lookup.Name, target.Name, conditions, path + "." + string.Join(".", entries[0].Remaining));
    }

    /// <summary>A company-specific row's company: the <c>cdm_company</c> whose code is the F&amp;O <c>dataAreaId</c>.</summary>
    private LookupRequest CompanyRequest(TableSchema table, string company)
    {
        var lookup = table.GetField(table.CompanyField!);
        var companies = dataverseSchema.GetTable(lookup.LookupTarget!);
        var code = companies.AlternateKeys[0].Fields[0];
        return new LookupRequest(lookup.Name, companies.Name, [new LookupCondition(code, company)], $"{lookup.Name}.{code}");
    }
}
