namespace DualWrite.Core.Validation;

/// <summary>The nearest known name to a misspelt one, so a finding can say what was probably meant.</summary>
internal static class NameHint
{
    /// <returns><c>; did you mean 'X'?</c>, or nothing when no name is close enough to be a likely typo.</returns>
    public static string For(string name, IEnumerable<string> candidates)
    {
        // A third of the name's length keeps short names from "matching" unrelated ones.
        var allowed = Math.Max(1, name.Length / 3);
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(name.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $"; did you mean '{best.Name}'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
