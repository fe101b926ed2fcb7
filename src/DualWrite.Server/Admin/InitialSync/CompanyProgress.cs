using DualWrite.Runtime.InitialSync;

namespace DualWrite.Server.Admin.InitialSync;

/// <summary>How far a run got in one company, and what it did each way.</summary>
internal sealed record CompanyProgress(string Company, bool Done, SyncCounts ToDataverse, SyncCounts ToFinOps);
