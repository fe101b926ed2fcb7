using DualWrite.Core.Filtering;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Mapping;

public sealed partial class RowMapper
{
    /// <summary>
    /// A Dataverse row as the F&amp;O row to write. Lookups are read from the expanded paths the row carries
    /// (<see cref="DataverseReadPaths"/>); the company's code becomes the <c>dataAreaId</c>, in lower case.
    /// </summary>
    public MapResult ToFinOps(Row source, IReadOnlyCollection<string>? changedFields = null)
    {
        var key = KeyOfDataverse(source);
        if (Admit(toFinOps, key, source, changedFields) is { } refused)
        {
            return refused;
        }

        var company = Map.CompanySpecific ? key.Parts[0].Value as string : null;
        var values = new Row();
        if (company is not null)
        {
            values[FinOpsTable.CompanyField!] = company;
        }

        var errors = new List<RowError>();
        foreach (var mapping in toFinOps.Carried)
        {
            if (changedFields is not null && !mapping.IsKey
                && (mapping.DataverseColumn is null || !changedFields.Contains(mapping.DataverseColumn.Name, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            var name = SourceName(mapping);
            var raw = name is null ? null : source.GetValueOrDefault(name);
            try
            {
                if (TryCarry(source, name, mapping.DataverseLeaf, mapping.FinOps!, mapping.FinOpsDefault,
                    mapping.Pairs, p => p.Dataverse, p => p.FinOps, mapping.PairDefault, changedFields is null, out var value))
                {
                    values[mapping.FinOps!.Name] = value;
                }
            }
            catch (FieldValueException e)
            {
                errors.Add(Error(key, mapping, raw, mapping.DataverseLeaf, e.Message));
            }
        }

        return errors.Count > 0
            ? new MapResult { Outcome = MapOutcome.Failed, Key = key, Errors = errors }
            : new MapResult { Outcome = MapOutcome.Mapped, Key = key, Values = values };
    }

    /// <summary>Where a Dataverse row holds a mapping's value: the column, or the expanded path of a lookup.</summary>
    private static string? SourceName(CompiledMapping mapping) =>
        mapping.Mapping.Dataverse is not { } path ? null : path.IsLookup ? path.ToString() : path.Column;

    /// <summary>A Dataverse filter names a lookup as <c>_name_value</c>.</summary>
    private FieldSchema? ResolveDataverse(string name) =>
        name.Length > "__value".Length && name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal)
            ? DataverseTable.FindField(name[1..^"_value".Length]) is { Type: FieldType.Lookup } lookup ? lookup : null
            : DataverseTable.FindField(name);
}
