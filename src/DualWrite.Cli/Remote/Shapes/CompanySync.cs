namespace DualWrite.Cli.Remote.Shapes;

internal sealed record CompanySync(string Company, bool Done, SyncCounts ToDataverse, SyncCounts ToFinOps);
