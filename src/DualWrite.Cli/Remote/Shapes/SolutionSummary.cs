namespace DualWrite.Cli.Remote.Shapes;

internal sealed record SolutionSummary(string Name, string? Version, string? Publisher, string? Description, int Maps, DateTimeOffset? ImportedAt);
