using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Reconciliation;

/// <summary>What fixing the differences did, and what a comparison found afterwards.</summary>
/// <param name="Master">The side whose values won.</param>
/// <param name="Run">The initial sync run that wrote the fix; its row errors are kept with it.</param>
/// <param name="ToDataverse">What the fix did towards Dataverse, over the companies compared.</param>
/// <param name="ToFinOps">What it did towards F&amp;O.</param>
/// <param name="After">The comparison made once the fix was written.</param>
public sealed record ComparisonFix(Master Master, long Run, SyncCounts ToDataverse, SyncCounts ToFinOps, ComparisonReport After);
