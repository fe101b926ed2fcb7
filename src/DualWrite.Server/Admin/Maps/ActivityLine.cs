namespace DualWrite.Server.Admin.Maps;

/// <summary>One line of a map's activity log.</summary>
internal sealed record ActivityLine(DateTimeOffset At, string Who, string Action, string? Detail);
