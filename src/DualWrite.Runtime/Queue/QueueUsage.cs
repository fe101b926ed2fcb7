namespace DualWrite.Runtime.Queue;

/// <summary>How much the lanes hold, and how much they may.</summary>
public sealed record QueueUsage(long LimitBytes, long UsedBytes);
