namespace DualWrite.Cli.Remote.Shapes;

internal sealed record QueueLane(string Map, long Count, DateTimeOffset? Oldest, double? AgeSeconds, long Bytes);
