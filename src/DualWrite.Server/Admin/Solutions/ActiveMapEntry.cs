namespace DualWrite.Server.Admin.Solutions;

/// <summary>The active version of one map, and the solution version it comes from.</summary>
internal sealed record ActiveMapEntry(string Map, string Solution, string Version, string SolutionVersion);
