namespace DualWrite.Runtime.Connection;

/// <summary>A solution the runtime holds.</summary>
/// <param name="Name">The solution's name.</param>
/// <param name="Version">Its four-part version.</param>
/// <param name="ImportedAt">When it came into the runtime.</param>
public sealed record AppliedSolution(string Name, string Version, DateTimeOffset ImportedAt);
