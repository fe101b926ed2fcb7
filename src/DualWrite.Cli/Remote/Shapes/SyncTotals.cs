namespace DualWrite.Cli.Remote.Shapes;

internal sealed record SyncTotals(SyncCounts ToDataverse, SyncCounts ToFinOps);
