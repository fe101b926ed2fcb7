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

        using var meter = PhaseMeter.Start();
        var sync = await runtime.SyncAsync(AccountsMap, cancellationToken);
        var cost = meter.Stop();
        var finOpsTimings = finOps.Timings.Snapshot();
        var dataverseTimings = dataverse.Timings.Snapshot();
        var requestsBusy = activity.Busy;
        var finOpsRequests = RequestCounts.Of(finOps.Transport.Statistics) - finOpsBefore;
        var dataverseRequests = RequestCounts.Of(dataverse.Transport.Statistics) - dataverseBefore;

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
            Phase = new PhaseFigures(sync.ToDataverse.Created, cost, baseline),
            FinOpsRequests = finOpsRequests,
            DataverseRequests = dataverseRequests,
            FinOpsTimings = finOpsTimings,
            DataverseTimings = dataverseTimings,
            RequestsBusy = requestsBusy,
        };
    }

    public static string Describe(FillMethod fill) => fill == FillMethod.Storage
        ? $"storage (transactions of {CustomerFill.ChangeSetSize:N0} rows)"
        : $"OData $batch (atomic change sets of {CustomerFill.ChangeSetSize:N0})";

    public static string Describe(MapSyncResult result) =>
        result.FirstErrors.Count == 0 ? "no error recorded" : string.Join("; ", result.FirstErrors.Select(e => $"{e.Key} {e.Field}: {e.Message}"));
}
