using DualWrite.Core.Mapping;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.InitialSync;

/// <summary>
/// Runs the initial sync of a map that Run put in Initializing, and moves it to Running when done. The run Run
/// opened is continued from its checkpoint, however many times the process stopped on the way.
/// </summary>
public sealed class InitialSyncService(IRuntimeStore store, MapLifecycle lifecycle, InitialSyncRunner runner, Func<string, RowMapper> mappers)
{
    public async Task<SyncRun> RunAsync(string map, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(map, cancellationToken);
        if (state != MapState.Initializing)
        {
            throw new LifecycleException($"'{map}' is {MapTransitions.Describe(state)}; initial sync runs for maps that Run left Initializing");
        }

        var run = await store.GetLatestSyncRunAsync(map, cancellationToken) is { Status: SyncRunStatus.Running } open
            ? open
            : throw new LifecycleException($"'{map}' is Initializing without an open initial sync run; stop it and run it again");
        var previous = run.SkipFailedKeys ? await store.GetPreviousSyncRunAsync(map, run.Id, cancellationToken) : null;
        var skip = previous is null ? new HashSet<string>() : await store.GetFailedKeysAsync(previous.Id, cancellationToken);

        var companies = await store.GetCompaniesAsync(cancellationToken);

        // A failure leaves the run open at its checkpoint: whoever called decides whether to try again or give up.
        var progress = await runner.RunAsync(mappers(map), run, companies, skip, cancellationToken);
        var summary = Summarize(progress);
        await store.FinishSyncRunAsync(run.Id, SyncRunStatus.Completed, summary, cancellationToken);
        await lifecycle.CompleteAsync(map, MapState.Initializing, "initial sync done: " + summary, cancellationToken);
        return (await store.GetLatestSyncRunAsync(map, cancellationToken))!;
    }

    /// <summary>Gives up a map's open run: the run fails and the map stops, both with the reason.</summary>
    public async Task AbandonAsync(string map, string reason, CancellationToken cancellationToken)
    {
        if (await store.GetLatestSyncRunAsync(map, cancellationToken) is { Status: SyncRunStatus.Running } open)
        {
            await store.FinishSyncRunAsync(open.Id, SyncRunStatus.Failed, reason, cancellationToken);
        }

        await lifecycle.FailAsync(map, reason, cancellationToken);
    }

    /// <summary>A run's counts in words, per direction, over all its companies.</summary>
    internal static string Summarize(IReadOnlyList<SyncProgress> progress)
    {
        var toDataverse = progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToDataverse);
        var toFinOps = progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToFinOps);
        return $"to Dataverse: {Describe(toDataverse)}; to F&O: {Describe(toFinOps)}";
    }

    private static string Describe(SyncCounts c) =>
        $"{c.Read} read, {c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged, {c.Skipped} skipped, {c.Failed} failed";
}
