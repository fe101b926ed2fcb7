using System.Globalization;

namespace DualWrite.Bench.Measuring;

/// <summary>How the benchmarks write seconds, rates and sizes, so that the same figure reads the same in each.</summary>
internal static class FigureText
{
    private const double Megabyte = 1024 * 1024;

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Rate(long rows, TimeSpan elapsed) => RowRate.Of(rows, elapsed).ToString("N0", CultureInfo.InvariantCulture);

    public static double Megabytes(long bytes) => bytes / Megabyte;
}
