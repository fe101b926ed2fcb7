namespace DualWrite.Bench.Measuring;

/// <summary>The figures every benchmark gives its timed phase: its rate against the baseline, and what it cost.</summary>
/// <param name="Rows">The rows the rate counts: created by a sync or a load, read on both sides by a comparison.</param>
/// <param name="Cost">Time, processor and memory of the phase.</param>
/// <param name="Baseline">The same rows through only the part the phase cannot do without, measured in the same run.</param>
internal sealed record PhaseFigures(long Rows, PhaseCost Cost, BaselineFigures Baseline)
{
    public double RowsPerSecond => RowRate.Of(Rows, Cost.Elapsed);

    /// <summary>The phase's rate as a share of the baseline's: 1 would mean it costs nothing beyond what the baseline does.</summary>
    public double Ratio => Baseline.RowsPerSecond > 0 ? RowsPerSecond / Baseline.RowsPerSecond : 0;
}
