namespace DualWrite.Cli.Remote.Shapes;

internal sealed record QueuedChange(long Sequence, string Key, string Operation, string? Transaction, DateTimeOffset QueuedAt, string? Source);
