using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Store;

/// <summary>
/// Everything the runtime keeps: the connection, its companies, solutions and active map versions, each map's
/// state and activity log, and initial sync runs. One interface, with the database behind it; nothing of the
/// database shows above it.
/// </summary>
public interface IRuntimeStore : IAsyncDisposable
{
    /// <summary>The connection as saved (JSON of the link's settings), or null before the first link.</summary>
    Task<string?> GetConnectionAsync(CancellationToken cancellationToken);

    Task SaveConnectionAsync(string json, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetCompaniesAsync(CancellationToken cancellationToken);

    Task SetCompaniesAsync(IReadOnlyList<string> companies, CancellationToken cancellationToken);

    Task SaveSolutionAsync(StoredSolution solution, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredSolution>> GetSolutionsAsync(CancellationToken cancellationToken);

    Task SetActiveMapAsync(ActiveMap active, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActiveMap>> GetActiveMapsAsync(CancellationToken cancellationToken);

    /// <summary>A map's state; maps never started are Not running.</summary>
    Task<MapState> GetStateAsync(string map, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, MapState>> GetStatesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves a map from <paramref name="expected"/> to <paramref name="target"/> and logs it, in one transaction; false
    /// (and nothing written) when the map was no longer in <paramref name="expected"/>, because someone else moved it.
    /// </summary>
    Task<bool> TransitionAsync(string map, MapState expected, MapState target, string who, string action, string? detail, CancellationToken cancellationToken);

    Task AppendActivityAsync(string map, string who, string action, string? detail, CancellationToken cancellationToken);

    /// <summary>The newest entries first.</summary>
    Task<IReadOnlyList<ActivityEntry>> GetActivityAsync(string map, int limit, CancellationToken cancellationToken);

    /// <summary>Opens a new initial sync run of a map.</summary>
    Task<SyncRun> StartSyncRunAsync(string map, Master master, bool skipFailedKeys, CancellationToken cancellationToken);

    /// <summary>The map's newest run, whatever its status; null when it never ran.</summary>
    Task<SyncRun?> GetLatestSyncRunAsync(string map, CancellationToken cancellationToken);

    /// <summary>The map's run before <paramref name="runId"/>, or null.</summary>
    Task<SyncRun?> GetPreviousSyncRunAsync(string map, long runId, CancellationToken cancellationToken);

    /// <summary>Saves a company's checkpoint and the row errors found since the last one, atomically.</summary>
    Task SaveSyncProgressAsync(long runId, SyncProgress progress, IReadOnlyList<SyncRowError> errors, CancellationToken cancellationToken);

    Task<IReadOnlyList<SyncProgress>> GetSyncProgressAsync(long runId, CancellationToken cancellationToken);

    Task FinishSyncRunAsync(long runId, SyncRunStatus status, string? message, CancellationToken cancellationToken);

    /// <summary>A run's row errors in the order they were found; every one of them, a page at a time.</summary>
    Task<IReadOnlyList<SyncRowError>> GetSyncErrorsAsync(long runId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>The keys that failed in a run, for a re-run that leaves them out.</summary>
    Task<IReadOnlySet<string>> GetFailedKeysAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Clears everything: the link, its companies, solutions, states, logs and runs (reset link).</summary>
    Task ResetAsync(CancellationToken cancellationToken);
}
