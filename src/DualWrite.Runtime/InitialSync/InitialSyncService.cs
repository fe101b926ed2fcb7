using DualWrite.Core.Mapping;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.InitialSync;

/// <summary>
/// Runs the initial sync of a map that Run put in Initializing, and moves it to Running when done. A run the
/// process did not finish is continued from its checkpoint rather than started again.
/// </summary>
public sealed class InitialSyncService(IRuntimeStore store, MapLifecycle lifecycle, InitialSyncRunner runner, Func<string, RowMapper> mappers)
{
    public async Task<SyncRun> RunAsync(string map, Master master, RerunMode mode, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(map, cancellationToken);
        if (state != MapState.Initializing)
        {
            throw new LifecycleException($"'{map}' is {MapTransitions.Describe(state)}; initial sync runs for maps that Run left Initializing");
        }

        // A run the process did not finish is continued, with the choices it was started with.
        var latest = await store.GetLatestSyncRunAsync(map, cancellationToken);
        var run = latest is { Status: SyncRunStatus.Running }
            ? latest
            : await store.StartSyncRunAsync(map, master, mode == RerunMode.WithoutErrors, cancellationToken);
        var previous = run.SkipFailedKeys ? await store.GetPreviousSyncRunAsync(map, run.Id, cancellationToken) : null;
        var skip = previous is null ? new HashSet<string>() : await store.GetFailedKeysAsync(previous.Id, cancellationToken);

        var companies = await store.GetCompaniesAsync(cancellationToken);
        IReadOnlyList<SyncProgress> progress;
        try
        {
            progress = await runner.RunAsync(mappers(map), run, companies, skip, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.FinishSyncRunAsync(run.Id, SyncRunStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }

        var toDataverse = progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToDataverse);
        var toFinOps = progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToFinOps);
        var summary = $"to Dataverse: {Describe(toDataverse)}; to F&O: {Describe(toFinOps)}";
        await store.FinishSyncRunAsync(run.Id, SyncRunStatus.Completed, summary, cancellationToken);
        await lifecycle.CompleteAsync(map, MapState.Initializing, "initial sync done: " + summary, cancellationToken);
        return (await store.GetLatestSyncRunAsync(map, cancellationToken))!;
    }

    private static string Describe(SyncCounts c) =>
        $"{c.Read} read, {c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged, {c.Failed} failed";
}
