namespace DualWrite.Runtime.InitialSync;

/// <summary>
/// How far a run has got in one company: the last key it has settled (rows up to it are written and counted),
/// and its counts in each direction. Saved together with the row errors of the same stretch, in one transaction.
/// </summary>
/// <param name="Company">The company (or an empty string for a global map).</param>
/// <param name="LastKey">The last settled key as JSON, or null before the first.</param>
/// <param name="Done">Whether the company is finished.</param>
/// <param name="ToDataverse">Rows read from F&amp;O and what was written to Dataverse.</param>
/// <param name="ToFinOps">Rows read from Dataverse and what was written to F&amp;O.</param>
public sealed record SyncProgress(string Company, string? LastKey, bool Done, SyncCounts ToDataverse, SyncCounts ToFinOps);
