namespace DualWrite.Bench.Measuring;

/// <summary>
/// The yardstick a benchmark sets its phase against, measured in the same run so that the ratio holds on any
/// machine: the same rows put through only the part the phase cannot do without (storing them, or reading them).
/// </summary>
/// <param name="Rows">Rows the baseline handled.</param>
/// <param name="Elapsed">Time spent on them, with whatever is not the baseline's own work left out.</param>
internal sealed record BaselineFigures(long Rows, TimeSpan Elapsed)
{
    /// <summary>Write transactions committed, for a baseline that stores rows.</summary>
    public int? Transactions { get; init; }

    /// <summary>Processor time the process spent meanwhile, on every core, where the baseline measures it.</summary>
    public TimeSpan? Processor { get; init; }

    public double RowsPerSecond => RowRate.Of(Rows, Elapsed);
}
