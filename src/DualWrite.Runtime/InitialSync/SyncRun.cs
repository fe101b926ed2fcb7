using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.InitialSync;

/// <summary>One initial sync of one map.</summary>
public sealed record SyncRun(long Id, string Map, Master Master, bool SkipFailedKeys, SyncRunStatus Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Message);
