using System.Globalization;
using DualWrite.Bench.Measuring;
using Spectre.Console;

namespace DualWrite.Bench.InitialSync;

/// <summary>The benchmark's figures as a short table, then where the sync's time went.</summary>
internal static class FiguresReport
{
    private const double Megabyte = 1024 * 1024;

    public static void Write(IAnsiConsole console, InitialSyncFigures figures)
    {
        var settings = figures.Settings;
        console.WriteLine();
        console.MarkupLine(Markup.Escape(
            $"Initial sync of {InitialSyncBenchmark.AccountsMap}, F&O to an empty Dataverse, master Dataverse; " +
            $"companies {string.Join(", ", figures.Companies)}; batch {settings.BatchSize}, parallel {settings.Parallelism}, " +
            $"pages of {settings.PageSize:N0}, checkpoint every {settings.CheckpointEvery:N0}"));
        console.MarkupLine(Markup.Escape(
            $"F&O filled through its {InitialSyncBenchmark.Describe(settings.Fill)}: {settings.Customers:N0} customers in {Seconds(figures.Fill)} s " +
            $"({Rate(settings.Customers, figures.Fill)} rows/s); dependency maps synced in {Seconds(figures.Dependencies)} s (neither is timed below)"));

        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        Add(table, "rows created", $"{figures.Created:N0} of {figures.Expected:N0}");
        Add(table, "rows failed", $"{figures.Sync.Failed:N0}");
        Add(table, "seconds", Seconds(figures.Elapsed));
        Add(table, "sync rows/s", $"{figures.RowsPerSecond:N0}");
        Add(table, "storage baseline rows/s", $"{figures.Baseline.RowsPerSecond:N0}");
        Add(table, "sync / baseline", $"{figures.Ratio:0.000}");
        Add(table, "peak managed heap MB", $"{figures.Memory.ManagedHeap / Megabyte:N0}");
        Add(table, "peak working set MB", $"{figures.Memory.WorkingSet / Megabyte:N0}");
        Add(table, "requests F&O / Dataverse", $"{figures.FinOpsRequests.Requests:N0} / {figures.DataverseRequests.Requests:N0}");
        Add(table, "throttled F&O / Dataverse", $"{figures.FinOpsRequests.Throttled:N0} / {figures.DataverseRequests.Throttled:N0}");
        Add(table, "retried F&O / Dataverse", $"{figures.FinOpsRequests.Retried:N0} / {figures.DataverseRequests.Retried:N0}");
        console.Write(table);

        console.MarkupLine(Markup.Escape(
            $"Baseline: {figures.Baseline.Rows:N0} rows in {figures.Baseline.Transactions:N0} transactions, {Seconds(figures.Baseline.Elapsed)} s, " +
            $"processor {Seconds(figures.Baseline.Processor)} s. " +
            $"Processor: {Seconds(figures.Processor)} s in {Seconds(figures.Elapsed)} s, {figures.Processor / figures.Elapsed:0.00} of {Environment.ProcessorCount} cores busy. " +
            $"Memory sampled {figures.Memory.Samples:N0} times; managed heap held after the sync, over before it: {figures.HeapHeld / Megabyte:N1} MB."));
        WriteTimings(console, figures);
        if (!figures.Complete)
        {
            console.MarkupLine(Markup.Escape(
                $"The sync did not create every row expected ({figures.Created:N0} of {figures.Expected:N0}, {figures.Sync.Failed:N0} failed): " +
                InitialSyncBenchmark.Describe(figures.Sync)));
        }
    }

    /// <summary>
    /// Wall-clock time with requests of each kind under way (the emulators answer in this process, so it holds
    /// their work too), and what is left: merging, mapping and checkpointing in the runtime.
    /// </summary>
    private static void WriteTimings(IAnsiConsole console, InitialSyncFigures figures)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("where the sync's time went")
            .AddColumn(new TableColumn("requests").RightAligned())
            .AddColumn(new TableColumn("mean ms").RightAligned())
            .AddColumn(new TableColumn("busy s").RightAligned())
            .AddColumn(new TableColumn("of sync").RightAligned());
        foreach (var (side, timings) in new[] { ("F&O", figures.FinOpsTimings), ("Dataverse", figures.DataverseTimings) })
        {
            foreach (var kind in timings)
            {
                table.AddRow(
                    Markup.Escape($"{side} {Describe(kind.Kind)}"),
                    $"{kind.Count:N0}",
                    $"{kind.MeanLatency.TotalMilliseconds:N1}",
                    Seconds(kind.Busy),
                    Share(kind.Busy, figures.Elapsed));
            }
        }

        var rest = figures.Elapsed > figures.RequestsBusy ? figures.Elapsed - figures.RequestsBusy : TimeSpan.Zero;
        table.AddRow("outside requests (merge, mapping, checkpoints)", string.Empty, string.Empty, Seconds(rest), Share(rest, figures.Elapsed));
        console.Write(table);
    }

    private static string Describe(RequestKind kind) => kind switch
    {
        RequestKind.Read => "reads (pages, lookups)",
        RequestKind.Write => "writes ($batch)",
        _ => "tokens",
    };

    /// <summary>A row of a figures table; the other benchmarks' reports use it too.</summary>
    internal static void Add(Table table, string figure, string value) => table.AddRow(Markup.Escape(figure), Markup.Escape(value));

    internal static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Rate(long rows, TimeSpan elapsed) =>
        (elapsed > TimeSpan.Zero ? rows / elapsed.TotalSeconds : 0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Share(TimeSpan part, TimeSpan whole) =>
        (whole > TimeSpan.Zero ? part / whole : 0).ToString("P0", CultureInfo.InvariantCulture);
}
