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
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

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
        var heapBefore = InitialSyncBenchmark.CollectedHeap();
        using var process = Process.GetCurrentProcess();
        var processorBefore = process.TotalProcessorTime;
        using var sampler = new MemorySampler(SampleEvery);
        var clock = Stopwatch.StartNew();
        var report = await setup.Runtime.CompareAsync(InitialSyncBenchmark.AccountsMap, settings.Setup.PageSize, settings.MaxDifferences, cancellationToken);
        clock.Stop();
        var memory = sampler.Stop();
        process.Refresh();
        var processor = process.TotalProcessorTime - processorBefore;

        // Kept alive to here so that what the report holds counts as held, as it would for the runtime answering it.
        var heapAfter = InitialSyncBenchmark.CollectedHeap();
        GC.KeepAlive(report);
        return new CompareFigures
        {
            Settings = settings,
            Companies = setup.Companies,
            Preparation = preparation.Elapsed,
            Synced = sync.ToDataverse.Created,
            Report = report,
            Elapsed = clock.Elapsed,
            Processor = processor,
            Memory = memory,
            HeapHeld = heapAfter - heapBefore,
            BaselineRows = baselineRows,
            BaselineElapsed = baselineClock.Elapsed,
        };
    }
}
