namespace DualWrite.Cli.Remote.Shapes;

internal sealed record QueueBound(long LimitBytes, long UsedBytes);
