namespace DualWrite.Server.Admin.Queue;

/// <summary>One map's lane: how many changes, the oldest, its age, and the room they take.</summary>
internal sealed record LaneLine(string Map, long Count, DateTimeOffset? Oldest, double AgeSeconds, long Bytes);
