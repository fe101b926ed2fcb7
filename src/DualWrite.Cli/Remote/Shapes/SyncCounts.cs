namespace DualWrite.Cli.Remote.Shapes;

/// <summary>What an initial sync did in one direction.</summary>
internal sealed record SyncCounts(long Read, long Created, long Updated, long Unchanged, long Skipped, long Failed);
