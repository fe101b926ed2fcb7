using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Tests.Connection;

/// <summary>A store that fails to save the link, the very last step of linking, and does everything else as the real one.</summary>
internal sealed class FailingConnectionStore(IRuntimeStore inner) : IRuntimeStore
{
    public Task SaveConnectionAsync(string json, CancellationToken cancellationToken) =>
        throw new IOException("the disk is full");

    public Task<string?> GetConnectionAsync(CancellationToken cancellationToken) => inner.GetConnectionAsync(cancellationToken);

    public Task<IReadOnlyList<string>> GetCompaniesAsync(CancellationToken cancellationToken) => inner.GetCompaniesAsync(cancellationToken);

    public Task SetCompaniesAsync(IReadOnlyList<string> companies, CancellationToken cancellationToken) => inner.SetCompaniesAsync(companies, cancellationToken);

    public Task SaveSolutionAsync(StoredSolution solution, CancellationToken cancellationToken) => inner.SaveSolutionAsync(solution, cancellationToken);

    public Task<IReadOnlyList<StoredSolution>> GetSolutionsAsync(CancellationToken cancellationToken) => inner.GetSolutionsAsync(cancellationToken);

    public Task SetActiveMapAsync(ActiveMap active, CancellationToken cancellationToken) => inner.SetActiveMapAsync(active, cancellationToken);

    public Task<IReadOnlyList<ActiveMap>> GetActiveMapsAsync(CancellationToken cancellationToken) => inner.GetActiveMapsAsync(cancellationToken);

    public Task<MapState> GetStateAsync(string map, CancellationToken cancellationToken) => inner.GetStateAsync(map, cancellationToken);

    public Task<IReadOnlyDictionary<string, MapState>> GetStatesAsync(CancellationToken cancellationToken) => inner.GetStatesAsync(cancellationToken);

    public Task<bool> TransitionAsync(string map, MapState expected, MapState target, string who, string action, string? detail, CancellationToken cancellationToken) =>
        inner.TransitionAsync(map, expected, target, who, action, detail, cancellationToken);

    public Task AppendActivityAsync(string map, string who, string action, string? detail, CancellationToken cancellationToken) =>
        inner.AppendActivityAsync(map, who, action, detail, cancellationToken);

    public Task<IReadOnlyList<ActivityEntry>> GetActivityAsync(string map, int limit, CancellationToken cancellationToken) => inner.GetActivityAsync(map, limit, cancellationToken);

    public Task<SyncRun> StartSyncRunAsync(string map, Master master, bool skipFailedKeys, CancellationToken cancellationToken) =>
        inner.StartSyncRunAsync(map, master, skipFailedKeys, cancellationToken);

    public Task<SyncRun?> GetLatestSyncRunAsync(string map, CancellationToken cancellationToken) => inner.GetLatestSyncRunAsync(map, cancellationToken);

    public Task<SyncRun?> GetPreviousSyncRunAsync(string map, long runId, CancellationToken cancellationToken) => inner.GetPreviousSyncRunAsync(map, runId, cancellationToken);

    public Task SaveSyncProgressAsync(long runId, SyncProgress progress, IReadOnlyList<SyncRowError> errors, CancellationToken cancellationToken) =>
        inner.SaveSyncProgressAsync(runId, progress, errors, cancellationToken);

    public Task<IReadOnlyList<SyncProgress>> GetSyncProgressAsync(long runId, CancellationToken cancellationToken) => inner.GetSyncProgressAsync(runId, cancellationToken);

    public Task FinishSyncRunAsync(long runId, SyncRunStatus status, string? message, CancellationToken cancellationToken) =>
        inner.FinishSyncRunAsync(runId, status, message, cancellationToken);

    public Task<IReadOnlyList<SyncRowError>> GetSyncErrorsAsync(long runId, int offset, int limit, CancellationToken cancellationToken) =>
        inner.GetSyncErrorsAsync(runId, offset, limit, cancellationToken);

    public Task<IReadOnlySet<string>> GetFailedKeysAsync(long runId, CancellationToken cancellationToken) => inner.GetFailedKeysAsync(runId, cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken) => inner.ResetAsync(cancellationToken);

    /// <summary>The inner store belongs to whoever made it.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
