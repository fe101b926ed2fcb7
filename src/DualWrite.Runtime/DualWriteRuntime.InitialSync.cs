using DualWrite.Core.Maps;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime;

public sealed partial class DualWriteRuntime
{
    /// <summary>
    /// The runtime's own work, until cancelled: the initial sync of every Initializing map, one map after another
    /// in the order their runs were opened, each continued from its checkpoint; then the replay of the changes
    /// queued while maps initialised or were paused. A run that fails is tried again
    /// after a growing pause, each failure written to the map's activity log, and after
    /// <see cref="RuntimeOptions.MaxAttempts"/> the map stops with the reason.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = new Dictionary<long, (int Attempts, DateTimeOffset NotBefore)>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SyncInitializingAsync(failures, cancellationToken);
                await CatchUpAsync(cancellationToken);
                await SettleOpenTransactionsAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                RuntimeLog.WorkFailed(logger, e.Message);
            }

            using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(options.PollInterval, options.Time, pause.Token);
            await Task.WhenAny(wake.WaitAsync(pause.Token), delay);
            await pause.CancelAsync();
        }
    }

    private async Task SyncInitializingAsync(Dictionary<long, (int Attempts, DateTimeOffset NotBefore)> failures, CancellationToken cancellationToken)
    {
        var pending = new List<SyncRun>();
        foreach (var (map, state) in await Store.GetStatesAsync(cancellationToken))
        {
            if (state == MapState.Initializing && await Store.GetLatestSyncRunAsync(map, cancellationToken) is { Status: SyncRunStatus.Running } run)
            {
                pending.Add(run);
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        using var session = await OpenSyncAsync(cancellationToken);
        foreach (var run in pending.OrderBy(r => r.Id))
        {
            // A later map may need this one's rows, so the order waits behind a run that is waiting to retry.
            if (failures.TryGetValue(run.Id, out var failed) && failed.NotBefore > options.Time.GetUtcNow())
            {
                return;
            }

            try
            {
                RuntimeLog.InitialSyncStarted(logger, run.Map, run.Id);
                var done = await session.Service.RunAsync(run.Map, cancellationToken);
                failures.Remove(run.Id);
                RuntimeLog.InitialSyncDone(logger, run.Map, done.Message ?? string.Empty);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = failed.Attempts + 1;
                if (attempts >= options.MaxAttempts)
                {
                    failures.Remove(run.Id);
                    await session.Service.AbandonAsync(run.Map, $"{e.Message} (attempt {attempts} of {options.MaxAttempts})", cancellationToken);
                    RuntimeLog.InitialSyncAbandoned(logger, run.Map, attempts, e.Message);
                    continue;
                }

                var wait = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks << Math.Min(attempts - 1, 20)));
                failures[run.Id] = (attempts, options.Time.GetUtcNow() + wait);
                await Store.AppendActivityAsync(run.Map, "runtime", "Retry", $"initial sync attempt {attempts} of {options.MaxAttempts} failed: {e.Message}; trying again in {wait.TotalSeconds:0} s", cancellationToken);
                RuntimeLog.InitialSyncRetry(logger, run.Map, attempts, wait, e.Message);
                return;
            }
        }
    }

    /// <summary>Copies what a newly linked company already has, for maps that run, while its changes flow live.</summary>
    async Task IInitialSyncTrigger.StartAsync(string company, IReadOnlyList<TableMap> maps, CancellationToken cancellationToken)
    {
        using var session = await OpenSyncAsync(cancellationToken);
        var companies = await Store.GetCompaniesAsync(cancellationToken);
        foreach (var map in maps)
        {
            var master = (await Store.GetLatestSyncRunAsync(map.Name, cancellationToken))?.Master ?? Master.Dataverse;
            var run = await Store.StartSyncRunAsync(map.Name, master, skipFailedKeys: false, cancellationToken);
            try
            {
                var progress = await session.Runner.RunAsync(Mapper(map, companies), run, [company], new HashSet<string>(), cancellationToken);
                var summary = InitialSyncService.Summarize(progress);
                await Store.FinishSyncRunAsync(run.Id, SyncRunStatus.Completed, summary, cancellationToken);
                await Store.AppendActivityAsync(map.Name, "runtime", "Company added", $"initial sync of {company}: {summary}", cancellationToken);
            }
            catch (Exception e)
            {
                await Store.FinishSyncRunAsync(run.Id, SyncRunStatus.Failed, e.Message, CancellationToken.None);
                throw;
            }
        }
    }

    private async Task<SyncSession> OpenSyncAsync(CancellationToken cancellationToken)
    {
        var maps = await ActiveMapsAsync(cancellationToken);
        var companies = await Store.GetCompaniesAsync(cancellationToken);
        var environments = await Connection.OpenAsync(cancellationToken);
        var writer = new ChangeWriter(environments.FinOps, environments.Dataverse, new LookupResolver(environments.Dataverse), options.Writer);
        var runner = new InitialSyncRunner(environments.FinOps, environments.Dataverse, writer, Store, options.InitialSync, options.Time);
        var service = new InitialSyncService(Store, Lifecycle, runner, name => Mapper(Find(maps, name), companies));
        return new SyncSession(environments, runner, service);
    }

    private static TableMap Find(IReadOnlyList<TableMap> maps, string name) =>
        maps.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new LifecycleException($"'{name}' is no longer an active map");
}
