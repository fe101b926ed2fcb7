using System.Globalization;

namespace DualWrite.Bench.LiveSync;

/// <summary>How long a set of writes took each, by percentile.</summary>
internal sealed class Latencies(IReadOnlyList<TimeSpan> samples)
{
    private readonly TimeSpan[] sorted = samples.Order().ToArray();

    public int Count => sorted.Length;

    public TimeSpan Percentile(double p) => sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

    public static string Milliseconds(TimeSpan t) => t.TotalMilliseconds.ToString("N2", CultureInfo.InvariantCulture);
}
