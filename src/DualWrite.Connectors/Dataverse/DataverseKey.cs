using DualWrite.Connectors.Http;

namespace DualWrite.Connectors.Dataverse;

/// <summary>
/// Which row a read or write addresses: its id, or the values of one of its table's alternate keys (a lookup in
/// the key given as the related row's <see cref="Guid"/>).
/// </summary>
public sealed record DataverseKey
{
    private DataverseKey(Guid? id, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        Id = id;
        Values = values;
    }

    /// <summary>The row's id, or null when the row is addressed by an alternate key.</summary>
    public Guid? Id { get; }

    /// <summary>The alternate key's columns and values, in the order given; empty when the row is addressed by id.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Values { get; }

    /// <summary>The row with this id.</summary>
    public static DataverseKey ById(Guid id) => new(id, []);

    /// <summary>The row whose alternate-key columns have these values: strings, numbers, booleans, dates, Guids (for lookups).</summary>
    public static DataverseKey ByAlternateKey(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parts = values.ToArray();
        if (parts.Length == 0)
        {
            throw new ArgumentException("an alternate key needs at least one column", nameof(values));
        }

        foreach (var (column, value) in parts)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(column, nameof(values));

            // Checked now, so that a value no URL can carry fails where it is given rather than where it is sent.
            _ = ODataLiteral.Format(value);
        }

        var twice = parts.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? new DataverseKey(null, parts) : throw new ArgumentException($"the alternate key names '{twice.Key}' twice", nameof(values));
    }

    /// <inheritdoc cref="ByAlternateKey(IEnumerable{KeyValuePair{string, object}})"/>
    public static DataverseKey ByAlternateKey(params (string Column, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return ByAlternateKey(values.Select(v => new KeyValuePair<string, object?>(v.Column, v.Value)));
    }

    /// <summary>Keys are equal when they name the same columns with the same values, in any order.</summary>
    public bool Equals(DataverseKey? other) =>
        other is not null
        && Id == other.Id
        && Values.Count == other.Values.Count
        && Values.All(v => other.Values.Any(o => string.Equals(o.Key, v.Key, StringComparison.OrdinalIgnoreCase) && SameValue(o.Value, v.Value)));

    public override int GetHashCode() => HashCode.Combine(Id, Values.Count);

    /// <summary><c>(3f2…)</c> or <c>(accountnumber='A1', msdyn_company=3f2…)</c>, for messages.</summary>
    public override string ToString() =>
        Id is { } id ? $"({id})" : $"({string.Join(", ", Values.Select(v => $"{v.Key}={ODataLiteral.Format(v.Value)}"))})";

    // Dataverse compares key text without regard to case, so a key differing only in case names the same row.
    private static bool SameValue(object? a, object? b) =>
        a is string x && b is string y ? string.Equals(x, y, StringComparison.OrdinalIgnoreCase) : Equals(a, b);
}
