using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.InitialSync;

/// <summary>Whether a row already holds the values a write would give it, so that writing is pointless.</summary>
internal static class RowComparison
{
    public static bool Holds(Row current, Row values, IEnumerable<string>? skip = null)
    {
        var skipped = new HashSet<string>(skip ?? [], StringComparer.OrdinalIgnoreCase);
        return values.Where(v => !skipped.Contains(v.Key)).All(v => Same(current.GetValueOrDefault(v.Key), v.Value));
    }

    /// <summary>
    /// Whether a Dataverse row already holds what a mapped row would write: its columns, and its lookups pointing at
    /// the rows the mapping names. The company lookup is left out: it is part of the key the row was found by.
    /// </summary>
    public static async Task<bool> HoldsAsync(Row dataverseRow, MapResult mapped, LookupResolver lookups, string? companyField, CancellationToken cancellationToken)
    {
        if (!Holds(dataverseRow, mapped.Values))
        {
            return false;
        }

        foreach (var lookup in mapped.Lookups.Where(l => companyField is null || !string.Equals(l.Column, companyField, StringComparison.OrdinalIgnoreCase)))
        {
            if (!Same(dataverseRow.GetValueOrDefault(lookup.Column), await lookups.ResolveAsync(lookup, cancellationToken)))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (decimal x, decimal y) => x == y,
        (long x, int y) => x == y,
        (int x, long y) => x == y,
        _ => Equals(a, b),
    };
}
