namespace DualWrite.Bench.Measuring;

/// <summary>Rows per second; a phase too short for the clock to see counts as 0 rather than dividing by zero.</summary>
internal static class RowRate
{
    public static double Of(long rows, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? rows / elapsed.TotalSeconds : 0;
}
