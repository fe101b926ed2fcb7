using System.Collections;

namespace DualWrite.Core.Rows;

/// <summary>
/// Field values of one row, by field name (names compare case-insensitively, as F&amp;O's do).
/// Values are CLR values: string, long, decimal, bool, DateOnly, DateTimeOffset, Guid, or null;
/// enums and option sets hold their integer value, lookups the related row's Guid.
/// </summary>
public sealed class Row : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> values;

    public Row() => values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    public Row(IEnumerable<KeyValuePair<string, object?>> values)
        : this()
    {
        foreach (var (field, value) in values)
        {
            this.values[field] = value;
        }
    }

    public int Count => values.Count;

    public IEnumerable<string> Fields => values.Keys;

    public object? this[string field]
    {
        get => values.TryGetValue(field, out var value)
            ? value
            : throw new KeyNotFoundException($"the row has no field '{field}'");
        set => values[field] = value;
    }

    public bool Contains(string field) => values.ContainsKey(field);

    public bool TryGetValue(string field, out object? value) => values.TryGetValue(field, out value);

    public object? GetValueOrDefault(string field) => values.GetValueOrDefault(field);

    public bool Remove(string field) => values.Remove(field);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
