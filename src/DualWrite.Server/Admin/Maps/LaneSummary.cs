namespace DualWrite.Server.Admin.Maps;

/// <summary>What waits in a map's lane: how many changes, since when, and how much room they take.</summary>
internal sealed record LaneSummary(long Count, DateTimeOffset? Oldest, long Bytes);
