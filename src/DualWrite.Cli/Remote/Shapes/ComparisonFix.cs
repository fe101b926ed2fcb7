namespace DualWrite.Cli.Remote.Shapes;

/// <summary>What a fix wrote, and what the comparison after it found.</summary>
internal sealed record ComparisonFix(string Master, long Run, SyncCounts ToDataverse, SyncCounts ToFinOps, ComparisonReport After);
