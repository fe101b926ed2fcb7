using System.Globalization;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary>A span as a count and a unit (<c>90s</c>, <c>30m</c>, <c>2h</c>, <c>7d</c>), as <c>--since</c> and an alert rule's <c>--window</c> take it.</summary>
internal static class Duration
{
    /// <returns>Whether <paramref name="text"/> reads as a span of zero or more; a bare number does not, for its unit would be a guess.</returns>
    public static bool TryParse(string text, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        if (text.Length < 2)
        {
            return false;
        }

        var unit = text[^1] switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => 0,
        };
        if (unit == 0 || !double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || count < 0)
        {
            return false;
        }

        // A count too large for a TimeSpan reads as no span at all rather than throwing.
        var seconds = count * unit;
        if (!double.IsFinite(seconds) || seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        span = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
