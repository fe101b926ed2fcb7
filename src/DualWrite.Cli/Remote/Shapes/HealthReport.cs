namespace DualWrite.Cli.Remote.Shapes;

internal sealed record HealthReport(bool Healthy, IReadOnlyList<Finding> Findings);
