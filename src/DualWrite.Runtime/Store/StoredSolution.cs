namespace DualWrite.Runtime.Store;

/// <summary>A solution as imported: its file, kept whole so that it can be exported again as it came.</summary>
public sealed record StoredSolution(string Name, string Version, string Json, DateTimeOffset ImportedAt);
