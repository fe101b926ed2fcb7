namespace DualWrite.Runtime.Connection;

/// <summary>The version of a table map that runs, and the solution it comes from.</summary>
/// <param name="Map">The map's name.</param>
/// <param name="Version">The map's own version.</param>
/// <param name="Solution">The solution the active version comes from.</param>
/// <param name="SolutionVersion">That solution's version.</param>
public sealed record ActiveMapVersion(string Map, string Version, string Solution, string SolutionVersion);
