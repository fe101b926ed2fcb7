namespace DualWrite.Cli.Remote.Shapes;

/// <summary>What waits in a map's lane.</summary>
internal sealed record MapQueue(long Count, DateTimeOffset? Oldest, long Bytes);
