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

    public required TimeSpan Elapsed { get; init; }

    public required TimeSpan Processor { get; init; }

    public required MemoryPeaks Memory { get; init; }

    /// <summary>Managed heap still held after the comparison over before it, both after a full collection.</summary>
    public required long HeapHeld { get; init; }

    /// <summary>Rows the baseline read on both sides.</summary>
    public required long BaselineRows { get; init; }

    public required TimeSpan BaselineElapsed { get; init; }

    public long Rows => Report.Totals.FinOpsRows + Report.Totals.DataverseRows;

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;

    public double BaselineRowsPerSecond => BaselineElapsed > TimeSpan.Zero ? BaselineRows / BaselineElapsed.TotalSeconds : 0;

    /// <summary>The comparison's rate as a share of reading alone: 1 would mean merging, mapping and comparing cost nothing.</summary>
    public double Ratio => BaselineRowsPerSecond > 0 ? RowsPerSecond / BaselineRowsPerSecond : 0;

    /// <summary>Whether the comparison found exactly the drift made and every other synced account equal.</summary>
    public bool Correct => Report.Totals.Differing == Settings.Drift
        && Report.Totals.OnlyInFinOps + Report.Totals.OnlyInDataverse == 0
        && Report.Totals.Equal == Synced - Settings.Drift;
}
