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

    /// <summary>The sync timed, its rate being of the rows created, against the storage's own insert rate.</summary>
    public required PhaseFigures Phase { get; init; }

    public required RequestCounts FinOpsRequests { get; init; }

    public required RequestCounts DataverseRequests { get; init; }

    public required IReadOnlyList<RequestKindFigures> FinOpsTimings { get; init; }

    public required IReadOnlyList<RequestKindFigures> DataverseTimings { get; init; }

    /// <summary>Wall-clock time during which at least one request, to either side, was under way.</summary>
    public required TimeSpan RequestsBusy { get; init; }

    public long Created => Sync.ToDataverse.Created;

    /// <summary>Whether every row expected arrived and none failed, so the figures describe a sync that worked.</summary>
    public bool Complete => Sync.Failed == 0 && Created == Expected;
}
