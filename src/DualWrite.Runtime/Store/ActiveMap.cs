namespace DualWrite.Runtime.Store;

/// <summary>Which solution version a map runs from.</summary>
public sealed record ActiveMap(string Map, string Solution, string SolutionVersion);
