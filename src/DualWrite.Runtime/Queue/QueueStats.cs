namespace DualWrite.Runtime.Queue;

/// <summary>How much waits in a map's lane: changes, the oldest one's age, and the space their payloads take.</summary>
public sealed record QueueStats(string Map, long Count, DateTimeOffset? Oldest, long Bytes);
