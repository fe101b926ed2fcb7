using DualWrite.Bench.InitialSync;
using DualWrite.Bench.Measuring;
using Spectre.Console;
using static DualWrite.Bench.Measuring.FigureText;

namespace DualWrite.Bench.Bootstrap;

/// <summary>The file bootstrap benchmark's figures as a short table, then the first rows that failed, if any.</summary>
internal static class BootstrapReport
{
    public static void Write(IAnsiConsole console, BootstrapFigures figures)
    {
        var (settings, counts, requests) = (figures.Settings, figures.Result.Counts, figures.DataverseRequests);
        new PhaseReport
        {
            Heading =
            [
                $"File bootstrap of {InitialSyncBenchmark.AccountsMap} into an empty Dataverse; companies {string.Join(", ", figures.Companies)}; " +
                $"batch {settings.BatchSize}, parallel {settings.Parallelism}, {settings.RowsPerBatch:N0} rows of the file at a time",
                $"Export: {settings.Customers:N0} rows, {Megabytes(figures.FileBytes):N0} MB, written in {Seconds(figures.Writing)} s (not timed below)",
            ],
            Phase = "bootstrap",
            Baseline = "storage baseline",
            Outcome =
            [
                ("rows read", $"{counts.Read:N0}"),
                ("rows created", $"{counts.Created:N0} of {settings.Customers:N0}"),
                ("updated / unchanged / skipped / failed", $"{counts.Updated:N0} / {counts.Unchanged:N0} / {counts.Skipped:N0} / {counts.Failed:N0}"),
            ],
            Requests =
            [
                ("Dataverse requests", $"{requests.Requests:N0}"),
                ("throttled / retried", $"{requests.Throttled:N0} / {requests.Retried:N0}"),
            ],
        }.Write(console, figures.Phase);
        foreach (var error in figures.FirstErrors)
        {
            console.MarkupLine(Markup.Escape("failed: " + error));
        }
    }
}
