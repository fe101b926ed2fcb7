using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Monitoring;
using DualWrite.Runtime.Queue;

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
    /// <param name="map">The map.</param>
    /// <param name="expected">The state it must be in.</param>
    /// <param name="target">The state it moves to.</param>
    /// <param name="who">Who asked, for the activity log.</param>
    /// <param name="action">What was done, for the activity log.</param>
    /// <param name="detail">More words for the activity log.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <param name="onlyWhenLaneEmpty">Move only when the map's lane is empty too (the end of a catch-up): a change appended meanwhile is replayed first.</param>
    Task<bool> TransitionAsync(string map, MapState expected, MapState target, string who, string action, string? detail, CancellationToken cancellationToken, bool onlyWhenLaneEmpty = false);

    /// <summary>Turns a map's debug mode on or off: on, its error log entries keep the payload of what failed.</summary>
    Task SetDebugAsync(string map, bool enabled, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> GetDebugMapsAsync(CancellationToken cancellationToken);

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

    Task<long> CountSyncErrorsAsync(long runId, CancellationToken cancellationToken);

    /// <summary>The keys that failed in a run, for a re-run that leaves them out.</summary>
    Task<IReadOnlySet<string>> GetFailedKeysAsync(long runId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends changes to their maps' lanes in one transaction, durable when it returns; their sequence numbers, in
    /// order. Null, and nothing appended, when a map is no longer in a state that queues (Initializing, Paused or
    /// Resuming): it moved on since its state was read.
    /// </summary>
    Task<IReadOnlyList<long>?> EnqueueAsync(IReadOnlyList<QueuedChange> changes, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="limit"/> changes of a map's lane after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<QueuedChange>> ReadQueueAsync(string map, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>A page of a map's lane in order, only the changes to one integration key when <paramref name="key"/> is given.</summary>
    Task<IReadOnlyList<QueuedChange>> GetQueuedAsync(string map, string? key, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>How many changes wait in a map's lane, only those to one integration key when <paramref name="key"/> is given.</summary>
    Task<long> CountQueuedAsync(string map, string? key, CancellationToken cancellationToken);

    /// <summary>Removes replayed changes from their lanes.</summary>
    Task DequeueAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken);

    /// <summary>Moves a change that failed on replay from its lane to the catch-up errors, with the reason, atomically.</summary>
    Task FailQueuedAsync(QueuedChange change, string message, CancellationToken cancellationToken);

    /// <summary>Every non-empty lane's size and age.</summary>
    Task<IReadOnlyList<QueueStats>> GetQueueStatsAsync(CancellationToken cancellationToken);

    /// <summary>Empties a map's lane, keeping its changes as catch-up errors with the given reason, or discarding them when null; how many.</summary>
    Task<long> ClearQueueAsync(string map, string? keepAsCatchUpErrors, CancellationToken cancellationToken);

    Task<IReadOnlyList<CatchUpError>> GetCatchUpErrorsAsync(string map, int offset, int limit, CancellationToken cancellationToken);

    Task<long> CountCatchUpErrorsAsync(string map, CancellationToken cancellationToken);

    /// <summary>The integration keys of a map's catch-up errors: later changes to them wait behind.</summary>
    Task<IReadOnlySet<string>> GetCatchUpErrorKeysAsync(string map, CancellationToken cancellationToken);

    /// <summary>Puts catch-up errors (all of the map's when null) back in the lane in their original places; how many.</summary>
    Task<long> RetryCatchUpErrorsAsync(string map, IReadOnlyList<long>? sequences, CancellationToken cancellationToken);

    /// <summary>Drops catch-up errors (all of the map's when null); how many.</summary>
    Task<long> DismissCatchUpErrorsAsync(string map, IReadOnlyList<long>? sequences, CancellationToken cancellationToken);

    Task AppendErrorAsync(ErrorEntry entry, CancellationToken cancellationToken);

    /// <summary>Error log entries matching the query, newest first.</summary>
    Task<IReadOnlyList<ErrorEntry>> SearchErrorsAsync(ErrorQuery query, CancellationToken cancellationToken);

    /// <summary>How many error log entries match the query, whatever its page.</summary>
    Task<long> CountErrorsAsync(ErrorQuery query, CancellationToken cancellationToken);

    /// <summary>Adds a rule, or replaces the one with the same id; the rule as kept.</summary>
    Task<AlertRule> SaveAlertRuleAsync(AlertRule rule, CancellationToken cancellationToken);

    /// <summary>The rules of one map, or of every map when null.</summary>
    Task<IReadOnlyList<AlertRule>> GetAlertRulesAsync(string? map, CancellationToken cancellationToken);

    Task<bool> DeleteAlertRuleAsync(long id, CancellationToken cancellationToken);

    /// <summary>Clears everything: the link, its companies, solutions, states, logs, runs, lanes and errors (reset link).</summary>
    Task ResetAsync(CancellationToken cancellationToken);
}
