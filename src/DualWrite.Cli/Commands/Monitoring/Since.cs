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

        // A span reaching back before the calendar begins does not read, rather than throwing.
        var now = time.GetUtcNow();
        if (!Duration.TryParse(text, out var span) || span > now - DateTimeOffset.MinValue)
        {
            return false;
        }

        from = now - span;
        return true;
    }
}
