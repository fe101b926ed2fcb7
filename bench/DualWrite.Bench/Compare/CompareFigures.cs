using DualWrite.Bench.Measuring;
using DualWrite.Runtime.Reconciliation;

namespace DualWrite.Bench.Compare;

/// <summary>What one run of the compare benchmark measured.</summary>
internal sealed record CompareFigures
{
    public required CompareSettings Settings { get; init; }

    public required IReadOnlyList<string> Companies { get; init; }

    /// <summary>Filling F&amp;O, syncing the dependency maps and syncing the accounts into Dataverse (not measured).</summary>
    public required TimeSpan Preparation { get; init; }

    /// <summary>Accounts the initial sync created: the rows the comparison finds on both sides.</summary>
    public required long Synced { get; init; }

    public required ComparisonReport Report { get; init; }

    /// <summary>The comparison timed, its rate being of the rows read on both sides, against the same reads alone.</summary>
    public required PhaseFigures Phase { get; init; }

    /// <summary>Whether the comparison found exactly the drift made and every other synced account equal.</summary>
    public bool Correct => Report.Totals.Differing == Settings.Drift
        && Report.Totals.OnlyInFinOps + Report.Totals.OnlyInDataverse == 0
        && Report.Totals.Equal == Synced - Settings.Drift;
}
