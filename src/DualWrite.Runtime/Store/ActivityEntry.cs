using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Store;

/// <summary>One line of a map's activity log: a transition, who asked for it and when.</summary>
public sealed record ActivityEntry(long Sequence, string Map, DateTimeOffset At, string Who, string Action, MapState? From, MapState? To, string? Detail);
