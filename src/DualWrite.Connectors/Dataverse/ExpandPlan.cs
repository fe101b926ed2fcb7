using DualWrite.Core.Schema;

namespace DualWrite.Connectors.Dataverse;

/// <summary>
/// Lookup paths one level deep (<c>msdyn_customergroupid.msdyn_groupid</c>), grouped by lookup so that each is
/// expanded once with every column asked of it. Deeper paths are refused: Dataverse expands only one level.
/// </summary>
internal sealed class ExpandPlan
{
    private ExpandPlan(IReadOnlyList<ExpandedLookup> lookups) => Lookups = lookups;

    public static ExpandPlan None { get; } = new([]);

    public IReadOnlyList<ExpandedLookup> Lookups { get; }

    public bool IsEmpty => Lookups.Count == 0;

    /// <summary>The <c>$expand</c> value, or null when nothing is expanded.</summary>
    public string? QueryText => IsEmpty ? null : string.Join(",", Lookups.Select(l => l.QueryText));

    public static ExpandPlan Of(EnvironmentSchema schema, TableSchema table, IReadOnlyList<string>? paths)
    {
        if (paths is not { Count: > 0 })
        {
            return None;
        }

        var lookups = new List<(FieldSchema Lookup, TableSchema Target, List<(string, FieldSchema)> Columns)>();
        foreach (var path in paths)
        {
            var segments = path.Split('.', StringSplitOptions.TrimEntries);
            if (segments.Length != 2 || segments.Any(s => s.Length == 0))
            {
                throw new ArgumentException(
                    $"'{path}' is not a lookup path one level below {table.Name}, such as msdyn_company.cdm_companycode: Dataverse expands one level only",
                    nameof(paths));
            }

            var lookup = table.FindField(segments[0]);
            if (lookup?.Type != FieldType.Lookup)
            {
                throw new ArgumentException($"'{path}': {segments[0]} is not a lookup column of {table.Name}", nameof(paths));
            }

            var target = schema.GetTable(lookup.LookupTarget!);
            var column = target.FindField(segments[1])
                ?? throw new ArgumentException($"'{path}': the table {target.Name} that {lookup.Name} points at has no column '{segments[1]}'", nameof(paths));
            var entry = lookups.FirstOrDefault(l => l.Lookup == lookup);
            if (entry.Lookup is null)
            {
                entry = (lookup, target, []);
                lookups.Add(entry);
            }

            var canonical = $"{lookup.Name}.{column.Name}";
            if (!entry.Columns.Any(c => string.Equals(c.Item1, canonical, StringComparison.Ordinal)))
            {
                entry.Columns.Add((canonical, column));
            }
        }

        return new ExpandPlan(lookups.Select(l => new ExpandedLookup(l.Lookup, l.Target, l.Columns)).ToArray());
    }
}
