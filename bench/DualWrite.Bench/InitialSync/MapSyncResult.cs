using DualWrite.Runtime.InitialSync;

namespace DualWrite.Bench.InitialSync;

/// <summary>What one map's initial sync did, summed over the companies, and its first row errors.</summary>
internal sealed record MapSyncResult(string Map, SyncCounts ToDataverse, SyncCounts ToFinOps, IReadOnlyList<SyncRowError> FirstErrors)
{
    public long Failed => ToDataverse.Failed + ToFinOps.Failed;
}
