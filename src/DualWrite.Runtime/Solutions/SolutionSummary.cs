namespace DualWrite.Runtime.Solutions;

/// <summary>A solution the runtime holds, one version of it, without its maps.</summary>
/// <param name="Name">The solution's name.</param>
/// <param name="Version">Its four-part version.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Description">What it holds, in words; null when it says nothing.</param>
/// <param name="Maps">How many maps it holds.</param>
/// <param name="ImportedAt">When it came into the runtime.</param>
public sealed record SolutionSummary(string Name, string Version, string Publisher, string? Description, int Maps, DateTimeOffset ImportedAt);
