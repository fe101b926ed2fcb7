namespace DualWrite.Core.Filtering;

/// <summary>A filter that does not parse: where (0-based character position) and what was expected there.</summary>
public sealed class FilterParseException(string filter, int position, string expected)
    : Exception($"the filter does not parse at position {position}: expected {expected} in \"{filter}\"")
{
    public string Filter { get; } = filter;

    public int Position { get; } = position;

    public string Expected { get; } = expected;
}
