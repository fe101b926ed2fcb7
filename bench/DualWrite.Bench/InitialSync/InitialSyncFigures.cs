using DualWrite.Bench.Measuring;

namespace DualWrite.Bench.InitialSync;

/// <summary>What one run of the initial sync benchmark measured.</summary>
internal sealed record InitialSyncFigures
{
    public required InitialSyncSettings Settings { get; init; }

    public required IReadOnlyList<string> Companies { get; init; }

    /// <summary>How long putting the customers into F&amp;O took (not part of the sync).</summary>
    public required TimeSpan Fill { get; init; }

    /// <summary>How long the dependency maps' initial syncs took (not part of the measurement).</summary>
    public required TimeSpan Dependencies { get; init; }

    /// <summary>F&amp;O organisation customers of the linked companies: the rows the sync should create.</summary>
    public required long Expected { get; init; }

    public required MapSyncResult Sync { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Processor time the whole process spent during the sync, on every core.</summary>
    public required TimeSpan Processor { get; init; }

    public required MemoryPeaks Memory { get; init; }

    /// <summary>Managed heap still held after the sync, over what was held before it, both after a full collection.</summary>
    public required long HeapHeld { get; init; }

    public required RequestCounts FinOpsRequests { get; init; }

    public required RequestCounts DataverseRequests { get; init; }

    public required IReadOnlyList<RequestKindFigures> FinOpsTimings { get; init; }

    public required IReadOnlyList<RequestKindFigures> DataverseTimings { get; init; }

    /// <summary>Wall-clock time during which at least one request, to either side, was under way.</summary>
    public required TimeSpan RequestsBusy { get; init; }

    public required BaselineFigures Baseline { get; init; }

    public long Created => Sync.ToDataverse.Created;

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Created / Elapsed.TotalSeconds : 0;

    /// <summary>The sync's rate as a share of the storage's own: 1 would mean the sync costs nothing beyond storing.</summary>
    public double Ratio => Baseline.RowsPerSecond > 0 ? RowsPerSecond / Baseline.RowsPerSecond : 0;

    /// <summary>Whether every row expected arrived and none failed, so the figures describe a sync that worked.</summary>
    public bool Complete => Sync.Failed == 0 && Created == Expected;
}
