using System.Diagnostics;
using DualWrite.Bench.Measuring;
using Spectre.Console;

namespace DualWrite.Bench.InitialSync;

/// <summary>
/// Measures the initial sync of customers into an empty Dataverse: both environments in this process, F&amp;O
/// filled beforehand, the dependency maps synced first, then the accounts map timed with its memory and requests,
/// and the Dataverse storage's own insert rate over the same rows as the yardstick.
/// </summary>
internal static class InitialSyncBenchmark
{
    public const string AccountsMap = "Customers V3 (accounts)";

    /// <summary>The demo companies, in the order customers are dealt to them.</summary>
    public static readonly IReadOnlyList<string> DemoCompanies = ["usmf", "gbsi", "dat"];

    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    public static async Task<InitialSyncFigures> RunAsync(InitialSyncSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var setup = await BenchSetup.StartAsync(settings, console, cancellationToken);
        var (finOps, dataverse, runtime, activity) = (setup.FinOps, setup.Dataverse, setup.Runtime, setup.Activity);
        var expected = setup.Organisations();

        console.MarkupLine(Markup.Escape($"Syncing {AccountsMap}: {expected:N0} organisations into the empty Dataverse…"));
        var finOpsBefore = RequestCounts.Of(finOps.Transport.Statistics);
        var dataverseBefore = RequestCounts.Of(dataverse.Transport.Statistics);
        finOps.Timings.Reset();
        dataverse.Timings.Reset();
        activity.Reset();

        // What filling and the earlier maps left behind is collected first, so that the peak is the sync's own.
        var heapBefore = CollectedHeap();
        using var process = Process.GetCurrentProcess();
        var processorBefore = process.TotalProcessorTime;
        using var sampler = new MemorySampler(SampleEvery);
        var clock = Stopwatch.StartNew();
        var sync = await runtime.SyncAsync(AccountsMap, cancellationToken);
        clock.Stop();
        var memory = sampler.Stop();
        process.Refresh();
        var processor = process.TotalProcessorTime - processorBefore;
        var finOpsTimings = finOps.Timings.Snapshot();
        var dataverseTimings = dataverse.Timings.Snapshot();
        var requestsBusy = activity.Busy;
        var finOpsRequests = RequestCounts.Of(finOps.Transport.Statistics) - finOpsBefore;
        var dataverseRequests = RequestCounts.Of(dataverse.Transport.Statistics) - dataverseBefore;

        // Held after a full collection, against before: memory that grows with the rows synced shows here, garbage
        // does not. The collection also spares the baseline from paying for the sync's garbage.
        var heapAfter = CollectedHeap();

        console.MarkupLine(Markup.Escape($"Inserting the same {sync.ToDataverse.Created:N0} accounts straight into a fresh Dataverse store…"));
        var baseline = await StorageBaseline.RunAsync(dataverse.Store, dataverse.Administrator, "account", settings.BatchSize, cancellationToken);

        return new InitialSyncFigures
        {
            Settings = settings,
            Companies = setup.Companies,
            Fill = setup.Fill,
            Dependencies = setup.Dependencies,
            Expected = expected,
            Sync = sync,
            Elapsed = clock.Elapsed,
            Processor = processor,
            Memory = memory,
            HeapHeld = heapAfter - heapBefore,
            FinOpsRequests = finOpsRequests,
            DataverseRequests = dataverseRequests,
            FinOpsTimings = finOpsTimings,
            DataverseTimings = dataverseTimings,
            RequestsBusy = requestsBusy,
            Baseline = baseline,
        };
    }

    public static string Describe(FillMethod fill) => fill == FillMethod.Storage
        ? $"storage (transactions of {CustomerFill.ChangeSetSize:N0} rows)"
        : $"OData $batch (atomic change sets of {CustomerFill.ChangeSetSize:N0})";

    public static string Describe(MapSyncResult result) =>
        result.FirstErrors.Count == 0 ? "no error recorded" : string.Join("; ", result.FirstErrors.Select(e => $"{e.Key} {e.Field}: {e.Message}"));

    /// <summary>The managed heap after a full, compacting collection: what is held, without garbage.</summary>
    public static long CollectedHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
