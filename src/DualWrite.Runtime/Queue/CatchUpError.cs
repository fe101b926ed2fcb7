namespace DualWrite.Runtime.Queue;

/// <summary>A queued change that failed when replayed, kept with its reason until it is retried or dismissed.</summary>
public sealed record CatchUpError(QueuedChange Change, DateTimeOffset FailedAt, string Message);
