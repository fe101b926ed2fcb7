using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Runtime;
using DualWrite.Runtime.Lifecycle;
using LiveSyncOptions = DualWrite.Runtime.LiveSync.LiveSyncOptions;
using DualWrite.Runtime.Queue;
using DualWrite.Testing;

namespace DualWrite.Server.Tests.Queue;

public sealed class CatchUpTests : IAsyncLifetime
{
    private const string Groups = "Customer groups";
    private static readonly RowKey Group10 = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10"));
    private static readonly RowKey Group20 = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "20"));
    private ServerHarness harness = null!;
    private HookReceiver subscriber = null!;
    private Guid usmf;

    public async Task InitializeAsync()
    {
        harness = await ServerHarness.StartAsync();
        subscriber = await HookReceiver.StartAsync();
        await harness.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment"), new RunItem(Groups)]), "ana", CancellationToken.None);
        await harness.WaitForStateAsync(Groups, MapState.Running);
        usmf = (await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None))!.Value;

        // Someone else's synchronous webhook on the target: it sees each write the runtime makes, in order.
        await harness.Dataverse.RegisterWebhookAsync("subscriber", subscriber.Url, "X-Subscriber", "s", ["msdyn_customergroup"], ["Update"], CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await subscriber.DisposeAsync();
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task A_paused_map_queues_every_change_and_resume_replays_the_whole_sequence_in_order()
    {
        await harness.Runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "ana", CancellationToken.None);
        foreach (var name in (string[])["NameA", "NameB", "NameC"])
        {
            Assert.True((await RenameAsync(Group10, name)).Success);
        }

        Assert.Equal("Wholesale customers", await DescriptionInDataverseAsync("10"));
        Assert.Equal(3, Assert.Single(await harness.Runtime.Store.GetQueueStatsAsync(CancellationToken.None)).Count);

        await harness.Runtime.ResumeAsync([Groups], ResumeMode.CatchUp, "ana", CancellationToken.None);
        await harness.WaitForStateAsync(Groups, MapState.Running);

        Assert.Equal("NameC", await DescriptionInDataverseAsync("10"));
        Assert.Equal(["NameA", "NameB", "NameC"], SeenDescriptions());
        Assert.Empty(await harness.Runtime.Store.GetQueueStatsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_change_that_fails_to_replay_becomes_a_catch_up_error_and_only_later_changes_to_its_row_wait_behind_it()
    {
        await harness.Runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "ana", CancellationToken.None);
        Assert.True((await WriteGroupAsync(Group10, new Row { ["PaymentTermId"] = "Gone" })).Success);
        Assert.True((await RenameAsync(Group20, "Other row")).Success);
        Assert.True((await RenameAsync(Group10, "After the failure")).Success);

        await harness.Runtime.ResumeAsync([Groups], ResumeMode.CatchUp, "ana", CancellationToken.None);
        await harness.WaitForStateAsync(Groups, MapState.Running);

        Assert.Equal("Other row", await DescriptionInDataverseAsync("20"));
        Assert.Equal("Wholesale customers", await DescriptionInDataverseAsync("10"));
        var errors = await harness.Runtime.Store.GetCatchUpErrorsAsync(Groups, 0, 10, CancellationToken.None);
        Assert.Equal(2, errors.Count);
        Assert.Contains("lookup msdyn_paymenttermid.msdyn_name = 'Gone' not found in company usmf", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("waits behind an earlier change to the same row", errors[1].Message, StringComparison.Ordinal);
        var activity = (await harness.Runtime.Store.GetActivityAsync(Groups, 1, CancellationToken.None))[0];
        Assert.Contains("1 queued changes replayed, 2 kept as catch-up errors", activity.Detail, StringComparison.Ordinal);

        // Once the payment terms exist, a retry replays both in their order.
        Assert.True((await harness.FinOps.WriteAsync([FinOpsWrite.Create("PaymentTerms", new Row { ["dataAreaId"] = "usmf", ["Name"] = "Gone", ["Description"] = "Back" })], atomic: true, CancellationToken.None))[0].Success);
        Assert.Equal(2, await harness.Runtime.RetryCatchUpErrorsAsync(Groups, null, "ana", CancellationToken.None));
        await ServerHarness.WaitForAsync(async () => await DescriptionInDataverseAsync("10") == "After the failure");
        Assert.Empty(await harness.Runtime.Store.GetCatchUpErrorsAsync(Groups, 0, 10, CancellationToken.None));
    }

    [Theory]
    [InlineData(ResumeMode.KeepAsCatchUpErrors, 1)]
    [InlineData(ResumeMode.Discard, 0)]
    public async Task Resume_skipping_the_queue_runs_live_at_once_and_keeps_or_drops_what_was_queued(ResumeMode mode, int kept)
    {
        await harness.Runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "ana", CancellationToken.None);
        Assert.True((await RenameAsync(Group10, "Queued")).Success);

        await harness.Runtime.ResumeAsync([Groups], mode, "ana", CancellationToken.None);

        Assert.Equal(MapState.Running, await harness.Runtime.Store.GetStateAsync(Groups, CancellationToken.None));
        Assert.Empty(await harness.Runtime.Store.GetQueueStatsAsync(CancellationToken.None));
        Assert.Equal(kept, (await harness.Runtime.Store.GetCatchUpErrorsAsync(Groups, 0, 10, CancellationToken.None)).Count);
        Assert.True((await RenameAsync(Group10, "Live")).Success);
        Assert.Equal("Live", await DescriptionInDataverseAsync("10"));
    }

    [Fact]
    public async Task A_source_transaction_larger_than_a_batch_replays_whole_or_not_at_all()
    {
        await using var small = await ServerHarness.StartAsync(o => o with { Writer = new Runtime.Writing.ChangeWriterOptions(BatchSize: 2) });
        await small.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment"), new RunItem(Groups)]), "ana", CancellationToken.None);
        await small.WaitForStateAsync(Groups, MapState.Running);
        await small.Runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "ana", CancellationToken.None);
        var written = await small.FinOps.WriteAsync(
        [
            FinOpsWrite.Update("CustomerGroups", Group10, new Row { ["Description"] = "Part of it" }),
            FinOpsWrite.Update("CustomerGroups", Group20, new Row { ["Description"] = "Part of it" }),
            FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "30")), new Row { ["PaymentTermId"] = "Gone" }),
        ], atomic: true, CancellationToken.None);
        Assert.All(written, w => Assert.True(w.Success, w.Message));

        await small.Runtime.ResumeAsync([Groups], ResumeMode.CatchUp, "ana", CancellationToken.None);
        await small.WaitForStateAsync(Groups, MapState.Running);

        Assert.Equal(3, (await small.Runtime.Store.GetCatchUpErrorsAsync(Groups, 0, 10, CancellationToken.None)).Count);
        var usmfId = await small.Dataverse.CompanyIdAsync("usmf", CancellationToken.None);
        await foreach (var page in small.Dataverse.ReadPagesAsync("msdyn_customergroup", new DataverseQuery { Filter = $"msdyn_groupid eq '10' and _msdyn_company_value eq {usmfId}" }, CancellationToken.None))
        {
            Assert.Equal("Wholesale customers", page.Single()["msdyn_description"]);
        }
    }

    [Fact]
    public async Task A_catch_up_the_other_side_stops_is_tried_again_visibly_and_loses_nothing()
    {
        await using var flaky = await ServerHarness.StartAsync(o => o with
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
            RetryDelay = TimeSpan.FromMilliseconds(100),
            Connection = new Runtime.Connection.ConnectionOptions { Retry = new Connectors.Http.RetryPolicy(MaxAttempts: 2, MaxDelay: TimeSpan.FromSeconds(1)) },
        });
        await flaky.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment"), new RunItem(Groups)]), "ana", CancellationToken.None);
        await flaky.WaitForStateAsync(Groups, MapState.Running);
        await flaky.Runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "ana", CancellationToken.None);
        Assert.True((await flaky.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", Group10, new Row { ["Description"] = "Waited" })], atomic: true, CancellationToken.None))[0].Success);
        await flaky.DataverseEmulator.SetFaultsAsync(new Environments.Faults.FaultSettings { ThrottleShare = 1, RetryAfterSeconds = 0 });

        await flaky.Runtime.ResumeAsync([Groups], ResumeMode.CatchUp, "ana", CancellationToken.None);
        await ServerHarness.WaitForAsync(async () => (await flaky.Runtime.Store.GetActivityAsync(Groups, 1, CancellationToken.None))[0].Action == "Retry", "a retry in the activity log");
        Assert.Equal(MapState.Resuming, await flaky.Runtime.Store.GetStateAsync(Groups, CancellationToken.None));
        Assert.Contains("catch-up attempt 1 stopped after 0 changes", (await flaky.Runtime.Store.GetActivityAsync(Groups, 1, CancellationToken.None))[0].Detail, StringComparison.Ordinal);

        await flaky.DataverseEmulator.SetFaultsAsync(new Environments.Faults.FaultSettings());
        await flaky.WaitForStateAsync(Groups, MapState.Running);
        Assert.Empty(await flaky.Runtime.Store.GetCatchUpErrorsAsync(Groups, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_full_queue_refuses_new_changes_with_a_message_and_their_transactions_fail()
    {
        await using var bounded = await ServerHarness.StartAsync(o => o with { LiveSync = new LiveSyncOptions { QueueLimitBytes = 2_000 } });
        await bounded.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment", InitialSync: false), new RunItem(Groups, InitialSync: false)]), "ana", CancellationToken.None);
        await bounded.Runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "ana", CancellationToken.None);

        WriteOutcome outcome;
        var n = 0;
        do
        {
            outcome = (await bounded.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", Group10, new Row { ["Description"] = $"change {++n}" })], atomic: true, CancellationToken.None))[0];
        }
        while (outcome.Success && n < 100);

        Assert.False(outcome.Success, "the queue took 100 changes within 2,000 bytes");
        Assert.Contains("Customer groups: the queue holds", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("its limit is 2,000 bytes", outcome.Message, StringComparison.Ordinal);
        Assert.Equal($"change {n - 1}", (await bounded.FinOps.ReadAsync("CustomerGroups", Group10, CancellationToken.None))!["Description"]);
        Assert.InRange(Assert.Single(await bounded.Runtime.Store.GetQueueStatsAsync(CancellationToken.None)).Bytes, 1, 2_000);
    }

    [Fact]
    public async Task Skip_to_live_while_catching_up_runs_at_once_with_the_rest_of_the_queue_kept_as_catch_up_errors()
    {
        await harness.Runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "ana", CancellationToken.None);
        Assert.True((await RenameAsync(Group10, "Queued")).Success);

        // Resuming, with the runtime not told: it would look again only in an hour.
        await harness.Runtime.Lifecycle.ApplyAsync([Groups], MapAction.Resume, "ana", CancellationToken.None);
        await harness.Runtime.SkipToLiveAsync([Groups], keepAsCatchUpErrors: true, "ana", CancellationToken.None);

        Assert.Equal(MapState.Running, await harness.Runtime.Store.GetStateAsync(Groups, CancellationToken.None));
        var kept = Assert.Single(await harness.Runtime.Store.GetCatchUpErrorsAsync(Groups, 0, 10, CancellationToken.None));
        Assert.Contains("\"Description\":\"Queued\"", kept.Change.Payload, StringComparison.Ordinal);
        Assert.Equal("Wholesale customers", await DescriptionInDataverseAsync("10"));
    }

    [Fact]
    public async Task Reset_link_clears_the_runtime_and_both_sides_hooks_and_leaves_the_business_data_as_it_is()
    {
        Assert.True((await RenameAsync(Group10, "Synced")).Success);

        await harness.Runtime.Connection.ResetAsync(force: true, CancellationToken.None);

        Assert.Equal("Synced", await DescriptionInDataverseAsync("10"));
        Assert.Equal("Synced", (await harness.FinOps.ReadAsync("CustomerGroups", Group10, CancellationToken.None))!["Description"]);
        Assert.Empty(await harness.FinOps.ListHooksAsync(CancellationToken.None));
        Assert.Empty(await harness.Runtime.Store.GetStatesAsync(CancellationToken.None));
        Assert.Null(await harness.Runtime.Connection.GetAsync(CancellationToken.None));

        // Unlinked, the environments work on their own: a user's write no longer goes anywhere.
        Assert.True((await RenameAsync(Group10, "Alone")).Success);
        Assert.Equal("Synced", await DescriptionInDataverseAsync("10"));
    }

    private Task<WriteOutcome> RenameAsync(RowKey key, string description) => WriteGroupAsync(key, new Row { ["Description"] = description });

    private async Task<WriteOutcome> WriteGroupAsync(RowKey key, Row values) =>
        (await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", key, values)], atomic: true, CancellationToken.None))[0];

    private string[] SeenDescriptions() => subscriber.Calls
        .Select(c => c.Body.GetProperty("InputParameters")[0].GetProperty("value").GetProperty("Attributes").EnumerateArray()
            .Where(a => a.GetProperty("key").GetString() == "msdyn_description")
            .Select(a => a.GetProperty("value").GetString() ?? string.Empty)
            .FirstOrDefault() ?? string.Empty)
        .ToArray();

    private async Task<string?> DescriptionInDataverseAsync(string group)
    {
        await foreach (var page in harness.Dataverse.ReadPagesAsync("msdyn_customergroup", new DataverseQuery { Filter = $"msdyn_groupid eq '{group}' and _msdyn_company_value eq {usmf}" }, CancellationToken.None))
        {
            return page.Single()["msdyn_description"] as string;
        }

        return null;
    }
}
