using System.Globalization;

namespace DualWrite.Connectors.Dataverse;

/// <summary>CLR values as OData literals, the form a key in a URL and a <c>$filter</c> comparison both take.</summary>
internal static class ODataLiteral
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        Guid g => g.ToString("D"),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime t => Format(new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind))),
        long or int or short or byte or decimal => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        double or float => ((IFormattable)value).ToString("R", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"a {value.GetType().Name} cannot be written as an OData literal", nameof(value)),
    };

    /// <summary>The literal escaped for a URL path or query, so that a quote, a space or a slash in a value stays in it.</summary>
    public static string Escaped(object? value) => Uri.EscapeDataString(Format(value));
}
