using DualWrite.Core.Maps;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Tests.Store;

public sealed class SyncRunStoreTests
{
    [Fact]
    public async Task A_run_keeps_its_checkpoint_counts_and_every_row_error_across_a_restart()
    {
        await using var temp = await TempStore.OpenAsync();
        var run = await temp.Store.StartSyncRunAsync("Customers V3 (accounts)", Master.FinOps, skipFailedKeys: false, CancellationToken.None);
        Assert.Equal(SyncRunStatus.Running, run.Status);
        var errors = Enumerable.Range(0, 12)
            .Select(i => new SyncRowError("usmf", SyncDirection.FinOpsToDataverse, $"dataAreaId='usmf',CustomerAccount='US-{i:D3}'", "CUSTOMERGROUPID = msdyn_customergroupid.msdyn_groupid", "not found", DateTimeOffset.UtcNow))
            .ToArray();
        await temp.Store.SaveSyncProgressAsync(run.Id, new SyncProgress("usmf", "[\"US-100\"]", false, new SyncCounts(100, 80, 5, 3, 12), new SyncCounts(4, 1, 0, 3, 0)), errors, CancellationToken.None);
        await temp.Store.SaveSyncProgressAsync(run.Id, new SyncProgress("usmf", "[\"US-200\"]", false, new SyncCounts(200, 180, 5, 3, 12), new SyncCounts(4, 1, 0, 3, 0)), [], CancellationToken.None);

        await temp.ReopenAsync();
        var latest = await temp.Store.GetLatestSyncRunAsync("customers v3 (accounts)", CancellationToken.None);
        Assert.Equal((run.Id, SyncRunStatus.Running, Master.FinOps), (latest!.Id, latest.Status, latest.Master));
        var progress = Assert.Single(await temp.Store.GetSyncProgressAsync(run.Id, CancellationToken.None));
        Assert.Equal("[\"US-200\"]", progress.LastKey);
        Assert.Equal(new SyncCounts(200, 180, 5, 3, 12), progress.ToDataverse);
        Assert.Equal(12, (await temp.Store.GetSyncErrorsAsync(run.Id, 0, 100, CancellationToken.None)).Count);
        Assert.Equal(["dataAreaId='usmf',CustomerAccount='US-010'", "dataAreaId='usmf',CustomerAccount='US-011'"], (await temp.Store.GetSyncErrorsAsync(run.Id, 10, 5, CancellationToken.None)).Select(e => e.Key));
        Assert.Equal(12, (await temp.Store.GetFailedKeysAsync(run.Id, CancellationToken.None)).Count);

        await temp.Store.FinishSyncRunAsync(run.Id, SyncRunStatus.Completed, "12 rows failed", CancellationToken.None);
        var finished = await temp.Store.GetLatestSyncRunAsync("Customers V3 (accounts)", CancellationToken.None);
        Assert.Equal(SyncRunStatus.Completed, finished!.Status);
        Assert.NotNull(finished.EndedAt);
    }
}
