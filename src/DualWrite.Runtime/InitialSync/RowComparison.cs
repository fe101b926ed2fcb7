using DualWrite.Core.Rows;

namespace DualWrite.Runtime.InitialSync;

/// <summary>Whether a row already holds the values a write would give it, so that writing is pointless.</summary>
internal static class RowComparison
{
    public static bool Holds(Row current, Row values, IEnumerable<string>? skip = null)
    {
        var skipped = new HashSet<string>(skip ?? [], StringComparer.OrdinalIgnoreCase);
        return values.Where(v => !skipped.Contains(v.Key)).All(v => Same(current.GetValueOrDefault(v.Key), v.Value));
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
