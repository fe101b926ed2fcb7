using System.Diagnostics;
using DualWrite.Bench.Hosting;
using DualWrite.Bench.Measuring;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.Storage;
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

    private static readonly string[] Dependencies = ["Legal entities", "Currencies", "Terms of payment", "Customer groups"];
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    public static async Task<InitialSyncFigures> RunAsync(InitialSyncSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var companies = DemoCompanies.Take(settings.Companies).ToArray();
        console.MarkupLine("[grey]Starting F&O with demo data and an empty Dataverse on loopback…[/]");
        var activity = new RequestActivity();
        await using var finOps = await BenchEnvironment.StartAsync(EnvironmentKind.FinOps, demo: true, activity, cancellationToken);
        await using var dataverse = await BenchEnvironment.StartAsync(EnvironmentKind.Dataverse, demo: false, activity, cancellationToken);
        await using var runtime = await BenchRuntime.OpenAsync(finOps, dataverse, settings, companies, cancellationToken);

        console.MarkupLine(Markup.Escape($"Adding {settings.Customers:N0} customers to F&O through its {Describe(settings.Fill)}…"));
        var fill = Stopwatch.StartNew();
        await CustomerFill.RunAsync(finOps, runtime.FinOps, settings.Fill, settings.Customers, companies, cancellationToken);
        fill.Stop();

        console.MarkupLine(Markup.Escape($"Syncing the dependency maps ({string.Join(", ", Dependencies)})…"));
        var dependencies = Stopwatch.StartNew();
        await runtime.EnsureCompaniesAsync(cancellationToken);
        foreach (var map in Dependencies)
        {
            var result = await runtime.SyncAsync(map, cancellationToken);
            if (result.Failed > 0)
            {
                throw new InvalidOperationException($"{map}: {result.Failed} rows failed, so the accounts would miss their lookups; first: {Describe(result)}");
            }
        }

        dependencies.Stop();
        var expected = Organisations(finOps, companies);

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
            Companies = companies,
            Fill = fill.Elapsed,
            Dependencies = dependencies.Elapsed,
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

    private static long CollectedHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The organisation customers of the linked companies, counted in F&amp;O's storage a page at a time.</summary>
    private static long Organisations(BenchEnvironment finOps, IReadOnlyList<string> companies)
    {
        var table = finOps.Schema.GetTable(CustomerFill.Entity);
        var linked = new HashSet<string>(companies, StringComparer.OrdinalIgnoreCase);
        var count = 0L;
        PageCursor? after = null;
        while (true)
        {
            var page = finOps.Store.Query(new RowQuery(table) { Take = 10_000, After = after });
            if (page.Rows.Count == 0)
            {
                return count;
            }

            count += page.Rows.Count(r => r.Values["dataAreaId"] is string company && linked.Contains(company) && CustomerFill.IsOrganisation(table, r.Values));
            after = page.Cursors[^1];
        }
    }
}
