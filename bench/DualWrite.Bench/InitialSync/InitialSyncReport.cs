using System.Globalization;
using DualWrite.Bench.Measuring;
using Spectre.Console;
using static DualWrite.Bench.Measuring.FigureText;

namespace DualWrite.Bench.InitialSync;

/// <summary>The initial sync benchmark's figures as a short table, then where the sync's time went.</summary>
internal static class InitialSyncReport
{
    public static void Write(IAnsiConsole console, InitialSyncFigures figures)
    {
        var settings = figures.Settings;
        var (finOps, dataverse) = (figures.FinOpsRequests, figures.DataverseRequests);
        new PhaseReport
        {
            Heading =
            [
                $"Initial sync of {InitialSyncBenchmark.AccountsMap}, F&O to an empty Dataverse, master Dataverse; " +
                $"companies {string.Join(", ", figures.Companies)}; batch {settings.BatchSize}, parallel {settings.Parallelism}, " +
                $"pages of {settings.PageSize:N0}, checkpoint every {settings.CheckpointEvery:N0}",
                $"F&O filled through its {InitialSyncBenchmark.Describe(settings.Fill)}: {settings.Customers:N0} customers in {Seconds(figures.Fill)} s " +
                $"({Rate(settings.Customers, figures.Fill)} rows/s); dependency maps synced in {Seconds(figures.Dependencies)} s (neither is timed below)",
            ],
            Phase = "sync",
            Baseline = "storage baseline",
            Outcome =
            [
                ("rows created", $"{figures.Created:N0} of {figures.Expected:N0}"),
                ("rows failed", $"{figures.Sync.Failed:N0}"),
            ],
            Requests =
            [
                ("requests F&O / Dataverse", $"{finOps.Requests:N0} / {dataverse.Requests:N0}"),
                ("throttled F&O / Dataverse", $"{finOps.Throttled:N0} / {dataverse.Throttled:N0}"),
                ("retried F&O / Dataverse", $"{finOps.Retried:N0} / {dataverse.Retried:N0}"),
            ],
        }.Write(console, figures.Phase);
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
        var elapsed = figures.Phase.Cost.Elapsed;
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
                    Share(kind.Busy, elapsed));
            }
        }

        var rest = elapsed > figures.RequestsBusy ? elapsed - figures.RequestsBusy : TimeSpan.Zero;
        table.AddRow("outside requests (merge, mapping, checkpoints)", string.Empty, string.Empty, Seconds(rest), Share(rest, elapsed));
        console.Write(table);
    }

    private static string Describe(RequestKind kind) => kind switch
    {
        RequestKind.Read => "reads (pages, lookups)",
        RequestKind.Write => "writes ($batch)",
        _ => "tokens",
    };

    private static string Share(TimeSpan part, TimeSpan whole) =>
        (whole > TimeSpan.Zero ? part / whole : 0).ToString("P0", CultureInfo.InvariantCulture);
}
