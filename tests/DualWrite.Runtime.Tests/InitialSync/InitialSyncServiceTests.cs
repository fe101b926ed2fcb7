using DualWrite.Connectors.FinOps;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Tests.InitialSync;

public sealed class InitialSyncServiceTests
{
    private const string Groups = "Customer groups";

    [Fact]
    public async Task Run_with_initial_sync_initialises_then_runs_and_logs_the_counts_and_skip_goes_straight_to_running()
    {
        await using var harness = await SyncHarness.StartAsync();
        var (lifecycle, service) = Build(harness);
        await harness.Store.Store.SetCompaniesAsync(SyncHarness.Companies, CancellationToken.None);
        await lifecycle.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment"), new RunItem(Groups)]), "ana", CancellationToken.None);
        Assert.Equal(MapState.Running, await harness.Store.Store.GetStateAsync("Legal entities", CancellationToken.None));
        Assert.Equal(MapState.Initializing, await harness.Store.Store.GetStateAsync(Groups, CancellationToken.None));

        await service.RunAsync("Terms of payment", CancellationToken.None);
        var run = await service.RunAsync(Groups, CancellationToken.None);

        Assert.Equal(SyncRunStatus.Completed, run.Status);
        Assert.Contains("to Dataverse: 15 read, 15 created", run.Message, StringComparison.Ordinal);
        Assert.Equal(MapState.Running, await harness.Store.Store.GetStateAsync(Groups, CancellationToken.None));
        var last = (await harness.Store.Store.GetActivityAsync(Groups, 1, CancellationToken.None))[0];
        Assert.Equal(("runtime", "Completed"), (last.Who, last.Action));
        Assert.Contains("15 created", last.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_without_errors_leaves_out_the_rows_that_failed_and_a_full_rerun_retries_them()
    {
        await using var harness = await SyncHarness.StartAsync();
        var (lifecycle, service) = Build(harness);
        await harness.Store.Store.SetCompaniesAsync(SyncHarness.Companies, CancellationToken.None);
        await lifecycle.StartAsync(new RunRequest([new RunItem("Legal entities", false), new RunItem("Terms of payment"), new RunItem(Groups)]), "ana", CancellationToken.None);
        await service.RunAsync("Terms of payment", CancellationToken.None);

        // A group whose terms of payment do not exist in Dataverse fails its row.
        await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10")), new Row { ["PaymentTermId"] = "Nowhere" })], atomic: true, CancellationToken.None);
        var first = await service.RunAsync(Groups, CancellationToken.None);
        Assert.Contains("1 failed", first.Message, StringComparison.Ordinal);

        await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10")), new Row { ["PaymentTermId"] = null })], atomic: true, CancellationToken.None);
        await lifecycle.ApplyAsync([Groups], MapAction.Stop, "ana", CancellationToken.None);
        await lifecycle.StartAsync(new RunRequest([new RunItem(Groups)], Rerun: RerunMode.WithoutErrors), "ana", CancellationToken.None);
        var withoutErrors = await service.RunAsync(Groups, CancellationToken.None);
        Assert.Contains("0 created", withoutErrors.Message, StringComparison.Ordinal);
        Assert.True(withoutErrors.Message!.Contains("unchanged, 1 skipped, 0 failed; to F&O", StringComparison.Ordinal), withoutErrors.Message);
        Assert.Null(await harness.Dataverse.FindIdAsync("msdyn_customergroup", new Dictionary<string, object?> { ["msdyn_groupid"] = "10", ["msdyn_company"] = await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None) }, CancellationToken.None));

        await lifecycle.ApplyAsync([Groups], MapAction.Stop, "ana", CancellationToken.None);
        await lifecycle.StartAsync(new RunRequest([new RunItem(Groups)]), "ana", CancellationToken.None);
        var everything = await service.RunAsync(Groups, CancellationToken.None);
        Assert.Contains("1 created", everything.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initial_sync_is_refused_for_a_map_that_Run_did_not_leave_initialising()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: false);
        var (_, service) = Build(harness);
        var refusal = await Assert.ThrowsAsync<LifecycleException>(() => service.RunAsync(Groups, CancellationToken.None));
        Assert.Contains("'Customer groups' is Not running", refusal.Message, StringComparison.Ordinal);
    }

    private static (MapLifecycle, InitialSyncService) Build(SyncHarness harness)
    {
        var lifecycle = new MapLifecycle(harness.Store.Store, () => OutOfBoxSolution.Load().Maps);
        var writer = new ChangeWriter(harness.FinOps, harness.Dataverse, new LookupResolver(harness.Dataverse), new ChangeWriterOptions(100, 2));
        var runner = new InitialSyncRunner(harness.FinOps, harness.Dataverse, writer, harness.Store.Store, new InitialSyncOptions(250, 300));
        return (lifecycle, new InitialSyncService(harness.Store.Store, lifecycle, runner, harness.Mapper));
    }
}
