using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Queue;

namespace DualWrite.Runtime;

public sealed partial class DualWriteRuntime
{
    private readonly Dictionary<string, (int Attempts, DateTimeOffset NotBefore)> catchUpFailures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reason given to queued changes a person chose to keep rather than replay.</summary>
    public const string SkippedReason = "not replayed: the map was resumed without catching up";

    /// <summary>
    /// Resume on paused maps: catching up (Resuming, then Running once the lane is replayed), or straight to
    /// Running with the queue kept as catch-up errors or dropped.
    /// </summary>
    public async Task ResumeAsync(IReadOnlyList<string> maps, ResumeMode mode, string who, CancellationToken cancellationToken)
    {
        await Lifecycle.ApplyAsync(maps, mode == ResumeMode.CatchUp ? MapAction.Resume : MapAction.ResumeSkippingQueue, who, cancellationToken);
        await SettleQueuesAsync(maps, mode, cancellationToken);
        wake.Release();
    }

    /// <summary>Skip to live on maps that are catching up: Running at once, the rest of the queue kept as catch-up errors or dropped.</summary>
    public async Task SkipToLiveAsync(IReadOnlyList<string> maps, bool keepAsCatchUpErrors, string who, CancellationToken cancellationToken)
    {
        await Lifecycle.ApplyAsync(maps, MapAction.SkipToLive, who, cancellationToken);
        await SettleQueuesAsync(maps, keepAsCatchUpErrors ? ResumeMode.KeepAsCatchUpErrors : ResumeMode.Discard, cancellationToken);
    }

    /// <summary>
    /// Puts catch-up errors (all of the map's when none are named) back in the lane in their places, to be replayed
    /// at once whatever the map's state; how many.
    /// </summary>
    public async Task<long> RetryCatchUpErrorsAsync(string map, IReadOnlyList<long>? sequences, string who, CancellationToken cancellationToken)
    {
        var retried = await Store.RetryCatchUpErrorsAsync(map, sequences, cancellationToken);
        await Store.AppendActivityAsync(map, who, "Retry", $"{retried:N0} catch-up errors back in the queue", cancellationToken);
        wake.Release();
        return retried;
    }

    /// <summary>Drops catch-up errors (all of the map's when none are named); how many.</summary>
    public async Task<long> DismissCatchUpErrorsAsync(string map, IReadOnlyList<long>? sequences, string who, CancellationToken cancellationToken)
    {
        var dismissed = await Store.DismissCatchUpErrorsAsync(map, sequences, cancellationToken);
        await Store.AppendActivityAsync(map, who, "Dismiss", $"{dismissed:N0} catch-up errors dropped", cancellationToken);
        return dismissed;
    }

    private async Task SettleQueuesAsync(IReadOnlyList<string> maps, ResumeMode mode, CancellationToken cancellationToken)
    {
        if (mode == ResumeMode.CatchUp)
        {
            return;
        }

        foreach (var map in maps)
        {
            var cleared = await Store.ClearQueueAsync(map, mode == ResumeMode.KeepAsCatchUpErrors ? SkippedReason : null, cancellationToken);
            await Store.AppendActivityAsync(map, "runtime", "Queue", $"{cleared:N0} queued changes {(mode == ResumeMode.KeepAsCatchUpErrors ? "kept as catch-up errors" : "discarded")}", cancellationToken);
        }
    }

    /// <summary>
    /// Replays the lanes of maps that are Resuming, and of maps whose initial sync is done but that queued changes
    /// meanwhile, then moves them to Running; a change appended during the replay is replayed before the move. A
    /// running map's lane holds only catch-up errors someone retried: it is replayed too.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var lanes = (await Store.GetQueueStatsAsync(cancellationToken)).Select(q => q.Map).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var due = new List<(string Map, MapState State)>();
        foreach (var (map, state) in await Store.GetStatesAsync(cancellationToken))
        {
            if (state == MapState.Resuming
                || (state == MapState.Running && lanes.Contains(map))
                || (state == MapState.Initializing && await Store.GetLatestSyncRunAsync(map, cancellationToken) is { Status: SyncRunStatus.Completed }))
            {
                due.Add((map, state));
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        var context = await LiveContextAsync(cancellationToken);
        var catchUp = new CatchUp(Store, options.Writer.BatchSize, options.LiveSync.MaxRecordsPerTransaction);
        foreach (var (map, state) in due)
        {
            if (catchUpFailures.TryGetValue(map, out var failure) && failure.NotBefore > options.Time.GetUtcNow())
            {
                continue;
            }

            var (replayed, failed) = (0L, 0L);
            try
            {
                do
                {
                    var (ok, bad) = await catchUp.ReplayAsync(map, context, cancellationToken);
                    (replayed, failed) = (replayed + ok, failed + bad);
                }
                while (state != MapState.Running
                    && !await Lifecycle.CompleteAsync(map, state, $"caught up: {replayed:N0} queued changes replayed, {failed:N0} kept as catch-up errors", cancellationToken)
                    && await Store.GetStateAsync(map, cancellationToken) == state);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // What stopped the replay is not the changes' fault (they would be catch-up errors): the lane stays
                // as it is, and the replay is tried again later, each failure in the map's log.
                var attempts = failure.Attempts + 1;
                var wait = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks << Math.Min(attempts - 1, 20)));
                catchUpFailures[map] = (attempts, options.Time.GetUtcNow() + wait);
                await Store.AppendActivityAsync(map, "runtime", "Retry", $"catch-up attempt {attempts} stopped after {replayed:N0} changes: {e.Message}; trying again in {wait.TotalSeconds:0} s", cancellationToken);
                continue;
            }

            catchUpFailures.Remove(map);
            RuntimeLog.CaughtUp(logger, map, replayed, failed);
        }
    }
}
