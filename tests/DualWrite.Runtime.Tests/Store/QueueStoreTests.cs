using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.LiveSync;
using DualWrite.Runtime.Queue;

namespace DualWrite.Runtime.Tests.Store;

public sealed class QueueStoreTests
{
    private const string Accounts = "Customers V3 (accounts)";
    private const string Groups = "Customer groups";

    [Fact]
    public async Task Lanes_keep_their_changes_in_append_order_per_map_across_a_restart()
    {
        await using var temp = await PausedAsync();
        var first = await temp.Store.EnqueueAsync([Change(Accounts, "t1", "A", "NameA"), Change(Groups, "t1", "10", "x"), Change(Accounts, "t1", "A", "NameB")], CancellationToken.None);
        await temp.Store.EnqueueAsync([Change(Accounts, "t2", "A", "NameC")], CancellationToken.None);
        Assert.True(first![0] < first[1] && first[1] < first[2]);

        await temp.ReopenAsync();
        var lane = await temp.Store.ReadQueueAsync(Accounts, 0, 10, CancellationToken.None);
        Assert.Equal(["NameA", "NameB", "NameC"], lane.Select(c => c.Payload));
        Assert.Equal(["t1", "t1", "t2"], lane.Select(c => c.TransactionId));
        Assert.Equal(["NameB", "NameC"], (await temp.Store.ReadQueueAsync(Accounts, lane[0].Sequence, 10, CancellationToken.None)).Select(c => c.Payload));
        Assert.Equal(["NameA"], (await temp.Store.ReadQueueAsync(Accounts, 0, 1, CancellationToken.None)).Select(c => c.Payload));

        var stats = (await temp.Store.GetQueueStatsAsync(CancellationToken.None)).ToDictionary(s => s.Map);
        Assert.Equal(3, stats[Accounts].Count);
        Assert.Equal(1, stats[Groups].Count);
        Assert.Equal("NameANameBNameC".Length, stats[Accounts].Bytes);

        await temp.Store.DequeueAsync([lane[0].Sequence, lane[1].Sequence], CancellationToken.None);
        Assert.Equal(["NameC"], (await temp.Store.ReadQueueAsync(Accounts, 0, 10, CancellationToken.None)).Select(c => c.Payload));
    }

    [Fact]
    public async Task A_failed_change_becomes_a_catch_up_error_and_a_retry_puts_it_back_in_its_place()
    {
        await using var temp = await PausedAsync();
        await temp.Store.EnqueueAsync([Change(Accounts, "t1", "A", "NameA"), Change(Accounts, "t2", "B", "Other"), Change(Accounts, "t3", "A", "NameB")], CancellationToken.None);
        var lane = await temp.Store.ReadQueueAsync(Accounts, 0, 10, CancellationToken.None);

        await temp.Store.FailQueuedAsync(lane[0], "lookup not found", CancellationToken.None);

        var error = Assert.Single(await temp.Store.GetCatchUpErrorsAsync(Accounts, 0, 10, CancellationToken.None));
        Assert.Equal((lane[0].Sequence, "NameA", "lookup not found"), (error.Change.Sequence, error.Change.Payload, error.Message));
        Assert.Equal(["A"], await temp.Store.GetCatchUpErrorKeysAsync(Accounts, CancellationToken.None));
        Assert.Equal(["Other", "NameB"], (await temp.Store.ReadQueueAsync(Accounts, 0, 10, CancellationToken.None)).Select(c => c.Payload));

        Assert.Equal(1, await temp.Store.RetryCatchUpErrorsAsync(Accounts, null, CancellationToken.None));
        Assert.Equal(["NameA", "Other", "NameB"], (await temp.Store.ReadQueueAsync(Accounts, 0, 10, CancellationToken.None)).Select(c => c.Payload));
        Assert.Empty(await temp.Store.GetCatchUpErrorsAsync(Accounts, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Clearing_a_lane_keeps_its_changes_as_catch_up_errors_or_discards_them_and_dismissing_removes_them()
    {
        await using var temp = await PausedAsync();
        await temp.Store.EnqueueAsync([Change(Accounts, "t1", "A", "NameA"), Change(Accounts, "t1", "B", "NameB"), Change(Groups, "t2", "10", "x")], CancellationToken.None);

        Assert.Equal(2, await temp.Store.ClearQueueAsync(Accounts, "skipped to live", CancellationToken.None));
        Assert.Equal(1, await temp.Store.ClearQueueAsync(Groups, null, CancellationToken.None));

        Assert.Empty(await temp.Store.GetQueueStatsAsync(CancellationToken.None));
        var errors = await temp.Store.GetCatchUpErrorsAsync(Accounts, 0, 10, CancellationToken.None);
        Assert.Equal(["skipped to live", "skipped to live"], errors.Select(e => e.Message));
        Assert.Empty(await temp.Store.GetCatchUpErrorsAsync(Groups, 0, 10, CancellationToken.None));

        Assert.Equal(1, await temp.Store.DismissCatchUpErrorsAsync(Accounts, [errors[0].Change.Sequence], CancellationToken.None));
        Assert.Equal(0, await temp.Store.DismissCatchUpErrorsAsync(Accounts, [], CancellationToken.None));
        Assert.Equal(["NameB"], (await temp.Store.GetCatchUpErrorsAsync(Accounts, 0, 10, CancellationToken.None)).Select(e => e.Change.Payload));
    }

    [Fact]
    public async Task Nothing_is_appended_for_a_map_that_no_longer_queues()
    {
        await using var temp = await PausedAsync();
        await temp.Store.TransitionAsync(Groups, MapState.Paused, MapState.Running, "ana", "Resume", null, CancellationToken.None);

        Assert.Null(await temp.Store.EnqueueAsync([Change(Accounts, "t1", "A", "NameA"), Change(Groups, "t1", "10", "x")], CancellationToken.None));

        Assert.Empty(await temp.Store.GetQueueStatsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_map_moves_on_from_catching_up_only_when_its_lane_is_empty()
    {
        await using var temp = await PausedAsync();
        await temp.Store.TransitionAsync(Accounts, MapState.Paused, MapState.Resuming, "ana", "Resume", null, CancellationToken.None);
        var appended = await temp.Store.EnqueueAsync([Change(Accounts, "t1", "A", "NameA")], CancellationToken.None);

        Assert.False(await temp.Store.TransitionAsync(Accounts, MapState.Resuming, MapState.Running, "runtime", "Completed", null, CancellationToken.None, onlyWhenLaneEmpty: true));
        await temp.Store.DequeueAsync(appended!, CancellationToken.None);
        Assert.True(await temp.Store.TransitionAsync(Accounts, MapState.Resuming, MapState.Running, "runtime", "Completed", null, CancellationToken.None, onlyWhenLaneEmpty: true));
    }

    /// <summary>A store whose two maps are paused, so that their changes queue.</summary>
    private static async Task<TempStore> PausedAsync()
    {
        var temp = await TempStore.OpenAsync();
        foreach (var map in (string[])[Accounts, Groups])
        {
            await temp.Store.TransitionAsync(map, MapState.NotRunning, MapState.Paused, "ana", "Pause", null, CancellationToken.None);
        }

        return temp;
    }

    private static QueuedChange Change(string map, string transaction, string key, string payload) =>
        new(0, map, HookSource.FinOps, transaction, "CustomersV3", ChangeOperation.Update, key, payload, DateTimeOffset.UtcNow);
}
