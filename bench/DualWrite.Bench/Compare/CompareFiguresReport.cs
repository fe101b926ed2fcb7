using DualWrite.Bench.InitialSync;
using Spectre.Console;

namespace DualWrite.Bench.Compare;

/// <summary>The compare benchmark's figures as a short table, with what it found and what it cost beside reading.</summary>
internal static class CompareFiguresReport
{
    private const double Megabyte = 1024 * 1024;

    public static void Write(IAnsiConsole console, CompareFigures figures)
    {
        var settings = figures.Settings;
        var totals = figures.Report.Totals;
        console.WriteLine();
        console.MarkupLine(Markup.Escape(
            $"Comparison of {InitialSyncBenchmark.AccountsMap}; companies {string.Join(", ", figures.Companies)}; pages of {settings.Setup.PageSize:N0}; " +
            $"{settings.Drift:N0} accounts drifted in Dataverse, at most {settings.MaxDifferences:N0} differences kept. " +
            $"Preparation (filling {settings.Setup.Customers:N0} customers, syncing them): {FiguresReport.Seconds(figures.Preparation)} s, not timed below."));

        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        FiguresReport.Add(table, "rows F&O / Dataverse", $"{totals.FinOpsRows:N0} / {totals.DataverseRows:N0}");
        FiguresReport.Add(table, "equal / differing", $"{totals.Equal:N0} / {totals.Differing:N0}");
        FiguresReport.Add(table, "only in F&O / only in Dataverse", $"{totals.OnlyInFinOps:N0} / {totals.OnlyInDataverse:N0}");
        FiguresReport.Add(table, "skipped (outside the map)", $"{totals.Skipped:N0}");
        FiguresReport.Add(table, "differences kept", $"{figures.Report.Differences.Count:N0}");
        FiguresReport.Add(table, "seconds", FiguresReport.Seconds(figures.Elapsed));
        FiguresReport.Add(table, "compare rows/s", $"{figures.RowsPerSecond:N0}");
        FiguresReport.Add(table, "read-only baseline rows/s", $"{figures.BaselineRowsPerSecond:N0}");
        FiguresReport.Add(table, "compare / baseline", $"{figures.Ratio:0.000}");
        FiguresReport.Add(table, "peak managed heap MB", $"{figures.Memory.ManagedHeap / Megabyte:N0}");
        FiguresReport.Add(table, "peak working set MB", $"{figures.Memory.WorkingSet / Megabyte:N0}");
        console.Write(table);

        console.MarkupLine(Markup.Escape(
            $"Baseline: {figures.BaselineRows:N0} rows in {FiguresReport.Seconds(figures.BaselineElapsed)} s. " +
            $"Processor during the comparison: {FiguresReport.Seconds(figures.Processor)} s in {FiguresReport.Seconds(figures.Elapsed)} s, {figures.Processor / figures.Elapsed:0.00} of {Environment.ProcessorCount} cores busy. " +
            $"Memory sampled {figures.Memory.Samples:N0} times; managed heap held after the comparison, over before it: {figures.HeapHeld / Megabyte:N1} MB."));
        if (!figures.Correct)
        {
            console.MarkupLine(Markup.Escape(
                $"The comparison did not find what was made: expected {settings.Drift:N0} differing and {figures.Synced - settings.Drift:N0} equal, nothing missing; " +
                $"first differences: {string.Join("; ", figures.Report.Differences.Take(5).Select(d => $"{d.Company} {d.Key} {d.Kind}"))}"));
        }
    }
}
