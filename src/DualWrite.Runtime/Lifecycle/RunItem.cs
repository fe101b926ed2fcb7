namespace DualWrite.Runtime.Lifecycle;

/// <summary>One map of a Run, and whether it copies what exists first.</summary>
public sealed record RunItem(string Map, bool InitialSync = true);
