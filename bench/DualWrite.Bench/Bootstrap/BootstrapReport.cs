using DualWrite.Bench.InitialSync;
using Spectre.Console;
using static DualWrite.Bench.InitialSync.FiguresReport;

namespace DualWrite.Bench.Bootstrap;

/// <summary>The file bootstrap benchmark's figures as a short table.</summary>
internal static class BootstrapReport
{
    private const double Megabyte = 1024 * 1024;

    public static void Write(IAnsiConsole console, BootstrapFigures figures)
    {
        var settings = figures.Settings;
        var counts = figures.Result.Counts;
        console.WriteLine();
        console.MarkupLine(Markup.Escape(
            $"File bootstrap of {InitialSyncBenchmark.AccountsMap} into an empty Dataverse; companies {string.Join(", ", figures.Companies)}; " +
            $"batch {settings.BatchSize}, parallel {settings.Parallelism}, {settings.RowsPerBatch:N0} rows of the file at a time"));
        console.MarkupLine(Markup.Escape(
            $"Export: {settings.Customers:N0} rows, {figures.FileBytes / Megabyte:N0} MB, written in {Seconds(figures.Writing)} s (not timed below)"));

        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        Add(table, "rows read", $"{counts.Read:N0}");
        Add(table, "rows created", $"{counts.Created:N0} of {settings.Customers:N0}");
        Add(table, "updated / unchanged / skipped / failed", $"{counts.Updated:N0} / {counts.Unchanged:N0} / {counts.Skipped:N0} / {counts.Failed:N0}");
        Add(table, "seconds", Seconds(figures.Elapsed));
        Add(table, "bootstrap rows/s", $"{figures.RowsPerSecond:N0}");
        Add(table, "storage baseline rows/s", $"{figures.Baseline.RowsPerSecond:N0}");
        Add(table, "bootstrap / baseline", $"{figures.Ratio:0.000}");
        Add(table, "peak managed heap MB", $"{figures.Memory.ManagedHeap / Megabyte:N0}");
        Add(table, "peak working set MB", $"{figures.Memory.WorkingSet / Megabyte:N0}");
        Add(table, "Dataverse requests", $"{figures.DataverseRequests.Requests:N0}");
        Add(table, "throttled / retried", $"{figures.DataverseRequests.Throttled:N0} / {figures.DataverseRequests.Retried:N0}");
        console.Write(table);

        console.MarkupLine(Markup.Escape(
            $"Baseline: {figures.Baseline.Rows:N0} rows in {figures.Baseline.Transactions:N0} transactions, {Seconds(figures.Baseline.Elapsed)} s. " +
            $"Processor: {Seconds(figures.Processor)} s in {Seconds(figures.Elapsed)} s, {figures.Processor / figures.Elapsed:0.00} of {Environment.ProcessorCount} cores busy. " +
            $"Memory sampled {figures.Memory.Samples:N0} times."));
        foreach (var error in figures.FirstErrors)
        {
            console.MarkupLine(Markup.Escape("failed: " + error));
        }
    }
}
