using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Reconciliation;

/// <summary>
/// Whether the two sides' rows of one key hold the same values as far as the map carries them, through the one row
/// mapper: each side's row mapped to the other side's terms, transforms applied, lookups seen as the rows they
/// point at, as initial sync decides whether a row needs writing.
/// </summary>
/// <remarks>
/// A one-way field must hold in its own direction. A two-way field agrees when either direction holds: a value map
/// with a default is not always reversible (F&amp;O <c>NonSpecific</c> goes to an empty Dataverse gender, which comes
/// back as <c>Unknown</c>), and what an initial sync with either master leaves behind must count as agreeing, or a
/// fix could never converge. Mappings with no source field (defaults for new rows) and key fields are not compared:
/// initial sync writes neither to a row that exists.
/// </remarks>
internal sealed class RowAgreement
{
    private readonly RowMapper mapper;
    private readonly LookupResolver lookups;
    private readonly ComparedField[] fields;
    private readonly string[] toDataverseSources;
    private readonly string[] toFinOpsSources;
    private readonly bool carriesToDataverse;
    private readonly bool carriesToFinOps;

    public RowAgreement(RowMapper mapper, LookupResolver lookups)
    {
        this.mapper = mapper;
        this.lookups = lookups;
        var keys = mapper.Key.Select(k => k.Dataverse).ToHashSet();
        fields = mapper.Map.Fields
            .Where(f => f is { FinOps: not null, Dataverse: not null } && !keys.Contains(f.Dataverse))
            .Select(f => new ComparedField(
                MapText.Of(f),
                f.Direction,
                mapper.FinOpsTable.GetField(f.FinOps!),
                f.Dataverse!,
                f.Dataverse!.IsLookup ? null : mapper.DataverseTable.GetField(f.Dataverse.Column)))
            .ToArray();
        toDataverseSources = fields.Where(f => f.Direction != MappingDirection.ToFinOps).Select(f => f.FinOps.Name).ToArray();
        toFinOpsSources = fields.Where(f => f.Direction != MappingDirection.ToDataverse).Select(f => f.Dataverse.Column).ToArray();
        carriesToDataverse = mapper.Map.Fields.Any(f => f.Carries(SyncDirection.FinOpsToDataverse));
        carriesToFinOps = mapper.Map.Fields.Any(f => f.Carries(SyncDirection.DataverseToFinOps));
    }

    /// <summary>Whether the other side is expected to have this row: the map carries that way and the row is inside it.</summary>
    public bool TakesPart(SyncDirection direction, Row source) =>
        (direction == SyncDirection.FinOpsToDataverse ? carriesToDataverse : carriesToFinOps) && mapper.Excludes(direction, source) is null;

    /// <summary>The fields on which the rows disagree (none when they agree), and why a row could not be mapped.</summary>
    /// <param name="finOps">The F&amp;O row.</param>
    /// <param name="dataverse">The Dataverse row of the same key, carrying the map's expanded lookup paths.</param>
    /// <param name="fromFinOps">Whether the F&amp;O row takes part, so that its values are expected in Dataverse.</param>
    /// <param name="fromDataverse">Whether the Dataverse row takes part, so that its values are expected in F&amp;O.</param>
    /// <param name="cancellationToken">Stops lookups.</param>
    public async Task<(List<FieldDifference> Fields, string? Problem)> CompareAsync(Row finOps, Row dataverse, bool fromFinOps, bool fromDataverse, CancellationToken cancellationToken)
    {
        var asFinOps = fromDataverse ? mapper.ToFinOps(dataverse, toFinOpsSources) : null;
        MapResult? asDataverse = null;
        var differences = new List<FieldDifference>();
        foreach (var field in fields)
        {
            var toFinOps = fromDataverse && field.Direction != MappingDirection.ToDataverse;
            var toDataverse = fromFinOps && field.Direction != MappingDirection.ToFinOps;
            if (toFinOps && HoldsInFinOps(field, asFinOps!, finOps))
            {
                continue;
            }

            if (toDataverse)
            {
                asDataverse ??= mapper.ToDataverse(finOps, toDataverseSources);
                if (await HoldsInDataverseAsync(field, asDataverse, dataverse, cancellationToken))
                {
                    continue;
                }
            }
            else if (!toFinOps)
            {
                continue;
            }

            differences.Add(Difference(field, finOps, dataverse));
        }

        var problems = new[] { asFinOps, asDataverse }.Where(r => r?.Outcome == MapOutcome.Failed).SelectMany(r => r!.Errors).Select(e => $"{e.Field}: {e.Message} (value {e.Value})").ToArray();
        return (differences, problems.Length == 0 ? null : string.Join("; ", problems));
    }

    private static bool HoldsInFinOps(ComparedField field, MapResult mapped, Row finOps) =>
        mapped.Outcome == MapOutcome.Mapped
        && (!mapped.Values.TryGetValue(field.FinOps.Name, out var value) || RowComparison.Same(value, finOps.GetValueOrDefault(field.FinOps.Name)));

    private async Task<bool> HoldsInDataverseAsync(ComparedField field, MapResult mapped, Row dataverse, CancellationToken cancellationToken)
    {
        if (mapped.Outcome != MapOutcome.Mapped)
        {
            return false;
        }

        var column = field.Dataverse.Column;
        if (field.Dataverse.IsLookup && mapped.Lookups.FirstOrDefault(l => string.Equals(l.Column, column, StringComparison.OrdinalIgnoreCase)) is { } lookup)
        {
            return RowComparison.Same(dataverse.GetValueOrDefault(column), await lookups.ResolveAsync(lookup, cancellationToken));
        }

        // A lookup whose key values are all empty is cleared rather than looked up, and shows as a null column.
        return !mapped.Values.TryGetValue(column, out var value) || RowComparison.Same(value, dataverse.GetValueOrDefault(column));
    }

    private static FieldDifference Difference(ComparedField field, Row finOps, Row dataverse)
    {
        var path = field.Dataverse.ToString();
        var dataverseValue = field.Dataverse.IsLookup
            ? dataverse.TryGetValue(path, out var reached) ? reached : dataverse.GetValueOrDefault(field.Dataverse.Column)
            : dataverse.GetValueOrDefault(path);
        return new FieldDifference(
            field.Text,
            field.FinOps.Name,
            field.Dataverse.IsLookup && dataverse.Contains(path) ? path : field.Dataverse.Column,
            Show(finOps.GetValueOrDefault(field.FinOps.Name), field.FinOps),
            Show(dataverseValue, field.DataverseField));
    }

    private static string? Show(object? value, FieldSchema? field) => value is null ? null : FieldValues.Describe(value, field);
}
