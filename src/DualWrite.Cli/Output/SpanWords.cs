using System.Globalization;

namespace DualWrite.Cli.Output;

/// <summary>A span in words, such as an alert rule's window, so that nobody counts seconds.</summary>
internal static class SpanWords
{
    /// <returns>Such as <c>10 minutes</c> or <c>1 hour 30 minutes</c>.</returns>
    public static string Of(TimeSpan span)
    {
        var words = new List<string>();
        foreach (var (count, unit) in (ReadOnlySpan<(int, string)>)[(span.Days, "day"), (span.Hours, "hour"), (span.Minutes, "minute")])
        {
            if (count != 0)
            {
                words.Add(Counted(count, unit));
            }
        }

        var seconds = (span - new TimeSpan(span.Days, span.Hours, span.Minutes, 0)).TotalSeconds;
        if (seconds != 0 || words.Count == 0)
        {
            words.Add(Counted(seconds, "second"));
        }

        return string.Join(' ', words);
    }

    private static string Counted(double count, string unit) =>
        $"{count.ToString("0.###", CultureInfo.InvariantCulture)} {(count == 1 ? unit : unit + "s")}";
}
