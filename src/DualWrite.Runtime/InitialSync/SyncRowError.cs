using DualWrite.Core.Maps;

namespace DualWrite.Runtime.InitialSync;

/// <summary>One row that initial sync could not write: where, which way, which key, which field, and why.</summary>
public sealed record SyncRowError(string Company, SyncDirection Direction, string Key, string Field, string Message, DateTimeOffset At);
