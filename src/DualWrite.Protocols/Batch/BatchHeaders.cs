namespace DualWrite.Protocols.Batch;

/// <summary>Header maps of batched messages: names compare case-insensitively, as HTTP's do.</summary>
internal static class BatchHeaders
{
    public static Dictionary<string, string> Copy(IEnumerable<KeyValuePair<string, string>>? headers)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                copy[name] = value;
            }
        }

        return copy;
    }

    public static bool AreEqual(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, value) in left)
        {
            if (!right.TryGetValue(name, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
