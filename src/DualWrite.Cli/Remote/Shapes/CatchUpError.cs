namespace DualWrite.Cli.Remote.Shapes;

/// <summary>A queued change that failed to replay during catch-up, kept to be retried or dismissed.</summary>
internal sealed record CatchUpError(long Sequence, string Key, string Operation, string? Transaction, string Message, DateTimeOffset FailedAt, DateTimeOffset QueuedAt);
