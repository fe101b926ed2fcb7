using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Connectors.Http;
using DualWrite.Core.Rows;
using DualWrite.Environments.Faults;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Server.Tests.InitialSync;

public sealed class InitialSyncWorkTests
{
    private const string Groups = "Customer groups";

    private static readonly RunRequest GroupsWithTerms = new([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment"), new RunItem(Groups)]);

    [Fact]
    public async Task Run_starts_the_initial_syncs_in_order_and_each_map_goes_on_to_Running_by_itself()
    {
        await using var harness = await ServerHarness.StartAsync();

        await harness.Runtime.StartAsync(GroupsWithTerms, "ana", CancellationToken.None);

        await harness.WaitForStateAsync(Groups, MapState.Running);
        var terms = await harness.Runtime.Store.GetLatestSyncRunAsync("Terms of payment", CancellationToken.None);
        var groups = await harness.Runtime.Store.GetLatestSyncRunAsync(Groups, CancellationToken.None);
        Assert.Equal(SyncRunStatus.Completed, terms!.Status);
        Assert.Equal(SyncRunStatus.Completed, groups!.Status);
        Assert.True(terms.Id < groups.Id, "the runs follow the run's order");
        Assert.Contains("to Dataverse: 5 read, 5 created", groups.Message, StringComparison.Ordinal);
        var activity = await harness.Runtime.Store.GetActivityAsync(Groups, 10, CancellationToken.None);
        Assert.Equal(("runtime", "Completed"), (activity[0].Who, activity[0].Action));
        Assert.Equal(("ana", "Run"), (activity[1].Who, activity[1].Action));
    }

    [Fact]
    public async Task An_initial_sync_that_keeps_failing_is_tried_again_visibly_then_the_map_stops_with_the_reason()
    {
        await using var harness = await ServerHarness.StartAsync(o => o with
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
            RetryDelay = TimeSpan.FromMilliseconds(100),
            MaxAttempts = 3,
            Connection = new ConnectionOptions { Retry = new RetryPolicy(MaxAttempts: 2, MaxDelay: TimeSpan.FromSeconds(2)) },
        });
        await harness.DataverseEmulator.SetFaultsAsync(new FaultSettings { ThrottleShare = 1, RetryAfterSeconds = 0 });

        await harness.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment")]), "ana", CancellationToken.None);

        await harness.WaitForStateAsync("Terms of payment", MapState.NotRunning);
        var activity = await harness.Runtime.Store.GetActivityAsync("Terms of payment", 10, CancellationToken.None);
        Assert.Equal(("runtime", "Failed"), (activity[0].Who, activity[0].Action));
        Assert.Contains("initial sync failed:", activity[0].Detail, StringComparison.Ordinal);
        Assert.Contains("attempt 3 of 3", activity[0].Detail, StringComparison.Ordinal);
        Assert.Equal(2, activity.Count(a => a.Action == "Retry"));
        Assert.Contains("initial sync attempt 1 of 3 failed", activity.Single(a => a.Detail!.Contains("attempt 1", StringComparison.Ordinal)).Detail, StringComparison.Ordinal);
        var run = await harness.Runtime.Store.GetLatestSyncRunAsync("Terms of payment", CancellationToken.None);
        Assert.Equal(SyncRunStatus.Failed, run!.Status);
    }

    [Fact]
    public async Task A_company_added_to_running_maps_has_its_existing_rows_copied_and_logged_on_each_map()
    {
        await using var harness = await ServerHarness.StartAsync();
        await harness.Runtime.StartAsync(GroupsWithTerms, "ana", CancellationToken.None);
        await harness.WaitForStateAsync(Groups, MapState.Running);

        await harness.Runtime.Connection.AddCompanyAsync("gbsi", skipInitialSync: false, CancellationToken.None);

        var gbsi = await harness.Dataverse.CompanyIdAsync("gbsi", CancellationToken.None);
        Assert.NotNull(await harness.Dataverse.FindIdAsync("msdyn_customergroup", new Dictionary<string, object?> { ["msdyn_groupid"] = "10", ["msdyn_company"] = gbsi }, CancellationToken.None));
        var added = (await harness.Runtime.Store.GetActivityAsync(Groups, 1, CancellationToken.None))[0];
        Assert.Equal(("runtime", "Company added"), (added.Who, added.Action));
        Assert.Contains("initial sync of gbsi: to Dataverse: 5 read, 5 created", added.Detail, StringComparison.Ordinal);
        Assert.Equal(SyncRunStatus.Completed, (await harness.Runtime.Store.GetLatestSyncRunAsync(Groups, CancellationToken.None))!.Status);
        Assert.Equal(MapState.Running, await harness.Runtime.Store.GetStateAsync(Groups, CancellationToken.None));
    }

    [Fact]
    public async Task Changes_made_while_a_map_initialises_are_queued_and_replayed_before_it_runs()
    {
        await using var harness = await ServerHarness.StartAsync();

        // Run without telling the runtime: the maps wait, Initializing, until it next looks.
        await harness.Runtime.Lifecycle.StartAsync(GroupsWithTerms, "ana", CancellationToken.None);
        var written = await harness.FinOps.WriteAsync(
            [FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10")), new Row { ["Description"] = "Changed meanwhile" })], atomic: true, CancellationToken.None);
        Assert.True(written[0].Success, written[0].Message);
        Assert.Equal(1, Assert.Single(await harness.Runtime.Store.GetQueueStatsAsync(CancellationToken.None)).Count);

        await harness.Runtime.StartAsync(new RunRequest([new RunItem("Currencies", InitialSync: false)]), "ana", CancellationToken.None);
        await harness.WaitForStateAsync(Groups, MapState.Running);

        var activity = await harness.Runtime.Store.GetActivityAsync(Groups, 2, CancellationToken.None);
        Assert.Contains("caught up: 1 queued changes replayed, 0 kept as catch-up errors", activity[0].Detail, StringComparison.Ordinal);
        Assert.Empty(await harness.Runtime.Store.GetQueueStatsAsync(CancellationToken.None));
        var usmf = await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None);
        await foreach (var page in harness.Dataverse.ReadPagesAsync("msdyn_customergroup", new DataverseQuery { Filter = $"msdyn_groupid eq '10' and _msdyn_company_value eq {usmf}" }, CancellationToken.None))
        {
            Assert.Equal("Changed meanwhile", page.Single()["msdyn_description"]);
        }
    }
}
