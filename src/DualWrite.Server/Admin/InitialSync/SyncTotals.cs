using DualWrite.Runtime.InitialSync;

namespace DualWrite.Server.Admin.InitialSync;

internal sealed record SyncTotals(SyncCounts ToDataverse, SyncCounts ToFinOps);
