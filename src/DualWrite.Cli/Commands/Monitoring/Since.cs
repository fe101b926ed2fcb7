using System.Globalization;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary>Reads <c>--since</c>: a point in time, or a span back from now such as <c>30m</c>.</summary>
internal static class Since
{
    /// <returns>Whether <paramref name="text"/> reads; an absent one reads as no bound.</returns>
    public static bool TryParse(string? text, TimeProvider time, out DateTimeOffset? from)
    {
        from = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            from = at;
            return true;
        }

        var unit = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero || !double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || count < 0)
        {
            return false;
        }

        from = time.GetUtcNow() - (unit * count);
        return true;
    }
}
