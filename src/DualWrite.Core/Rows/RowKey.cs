using System.Globalization;

namespace DualWrite.Core.Rows;

/// <summary>The values of a table's key fields, in key order.</summary>
public sealed class RowKey : IEquatable<RowKey>
{
    public RowKey(IReadOnlyList<KeyValuePair<string, object?>> parts) => Parts = parts;

    public IReadOnlyList<KeyValuePair<string, object?>> Parts { get; }

    public static RowKey Of(params (string Field, object? Value)[] parts) =>
        new(parts.Select(p => new KeyValuePair<string, object?>(p.Field, p.Value)).ToArray());

    public object? this[string field] =>
        Parts.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Value;

    public bool Equals(RowKey? other) =>
        other is not null
        && other.Parts.Count == Parts.Count
        && Parts.Zip(other.Parts).All(p =>
            string.Equals(p.First.Key, p.Second.Key, StringComparison.OrdinalIgnoreCase)
            && ValuesEqual(p.First.Value, p.Second.Value));

    public override bool Equals(object? obj) => Equals(obj as RowKey);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (field, value) in Parts)
        {
            hash.Add(field, StringComparer.OrdinalIgnoreCase);
            hash.Add(value is string s ? s.ToUpperInvariant() : value);
        }

        return hash.ToHashCode();
    }

    /// <summary>The OData key form: <c>dataAreaId='usmf',CustomerAccount='US-001'</c>.</summary>
    public override string ToString() =>
        string.Join(",", Parts.Select(p => $"{p.Key}={Format(p.Value)}"));

    private static bool ValuesEqual(object? a, object? b) =>
        a is string sa && b is string sb
            ? string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase)
            : Equals(a, b);

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
