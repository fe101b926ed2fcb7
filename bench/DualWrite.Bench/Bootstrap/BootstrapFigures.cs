using DualWrite.Bench.InitialSync;
using DualWrite.Bench.Measuring;
using DualWrite.Runtime.Bootstrap;

namespace DualWrite.Bench.Bootstrap;

/// <summary>What one run of the file bootstrap benchmark measured.</summary>
internal sealed record BootstrapFigures
{
    public required BootstrapSettings Settings { get; init; }

    public required IReadOnlyList<string> Companies { get; init; }

    /// <summary>The export's size in bytes.</summary>
    public required long FileBytes { get; init; }

    /// <summary>How long writing the export took (not part of the measurement).</summary>
    public required TimeSpan Writing { get; init; }

    public required FileBootstrapResult Result { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Processor time the whole process spent during the load, on every core.</summary>
    public required TimeSpan Processor { get; init; }

    public required MemoryPeaks Memory { get; init; }

    public required RequestCounts DataverseRequests { get; init; }

    public required BaselineFigures Baseline { get; init; }

    /// <summary>The first failed rows, as the error file lists them.</summary>
    public required IReadOnlyList<string> FirstErrors { get; init; }

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Result.Counts.Created / Elapsed.TotalSeconds : 0;

    /// <summary>The load's rate as a share of the storage's own: 1 would mean it costs nothing beyond storing.</summary>
    public double Ratio => Baseline.RowsPerSecond > 0 ? RowsPerSecond / Baseline.RowsPerSecond : 0;

    public bool Complete => Result.Counts.Created == Settings.Customers && Result.Counts.Failed == 0;
}
