using System.Diagnostics;
using DualWrite.Bench.InitialSync;
using DualWrite.Bench.Measuring;
using Spectre.Console;

namespace DualWrite.Bench.Compare;

/// <summary>
/// Measures the comparison of a map's two sides: F&amp;O filled and the accounts synced into Dataverse as the initial
/// sync benchmark does it, some accounts changed in Dataverse, then the comparison of Customers V3 (accounts) timed
/// with its memory, and the same reads without any comparing as the yardstick, in the same run.
/// </summary>
internal static class CompareBenchmark
{
    public static async Task<CompareFigures> RunAsync(CompareSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var preparation = Stopwatch.StartNew();
        await using var setup = await BenchSetup.StartAsync(settings.Setup, console, cancellationToken);
        console.MarkupLine(Markup.Escape($"Syncing {InitialSyncBenchmark.AccountsMap} into Dataverse, so that both sides hold the accounts…"));
        var sync = await setup.Runtime.SyncAsync(InitialSyncBenchmark.AccountsMap, cancellationToken);
        if (sync.Failed > 0)
        {
            throw new InvalidOperationException($"{sync.Failed} accounts failed to sync; first: {InitialSyncBenchmark.Describe(sync)}");
        }

        console.MarkupLine(Markup.Escape($"Changing the credit limit of {settings.Drift:N0} accounts in Dataverse…"));
        await AccountDrift.RunAsync(setup.Runtime.Dataverse, settings.Setup.Customers, settings.Drift, setup.Companies, cancellationToken);
        preparation.Stop();

        // The baseline first: whatever it leaves in the environments' caches, the comparison finds too.
        console.MarkupLine("Reading both sides without comparing (the baseline)…");
        var baselineClock = Stopwatch.StartNew();
        var baselineRows = await setup.Runtime.ReadBothSidesAsync(InitialSyncBenchmark.AccountsMap, settings.Setup.PageSize, cancellationToken);
        baselineClock.Stop();

        console.MarkupLine(Markup.Escape($"Comparing {InitialSyncBenchmark.AccountsMap}…"));
        using var meter = PhaseMeter.Start();
        var report = await setup.Runtime.CompareAsync(InitialSyncBenchmark.AccountsMap, settings.Setup.PageSize, settings.MaxDifferences, cancellationToken);
        var cost = meter.Stop();

        // Kept alive past the collection that ends the measurement, so that what the report holds counts as held, as it
        // would for the runtime answering it.
        GC.KeepAlive(report);
        var totals = report.Totals;
        return new CompareFigures
        {
            Settings = settings,
            Companies = setup.Companies,
            Preparation = preparation.Elapsed,
            Synced = sync.ToDataverse.Created,
            Report = report,
            Phase = new PhaseFigures(totals.FinOpsRows + totals.DataverseRows, cost, new BaselineFigures(baselineRows, baselineClock.Elapsed)),
        };
    }
}
