namespace DualWrite.Core.Maps;

/// <summary>
/// A Dataverse column, or a path through lookups to a column of a related row:
/// <c>msdyn_customergroupid.msdyn_groupid</c> is "the customer group whose <c>msdyn_groupid</c> is this value".
/// </summary>
public sealed record FieldPath
{
    public FieldPath(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0 || segments.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("a field path needs one or more non-empty segments", nameof(segments));
        }

        Segments = segments;
    }

    public IReadOnlyList<string> Segments { get; }

    /// <summary>The column of the map's own table: the lookup for a path, the column itself otherwise.</summary>
    public string Column => Segments[0];

    public bool IsLookup => Segments.Count > 1;

    public static FieldPath Parse(string text) => new(text.Split('.', StringSplitOptions.TrimEntries));

    public bool Equals(FieldPath? other) =>
        other is not null && Segments.SequenceEqual(other.Segments, StringComparer.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(ToString());

    public override string ToString() => string.Join(".", Segments);
}
