using DualWrite.Runtime.InitialSync;

namespace DualWrite.Runtime.Bootstrap;

/// <summary>How far a file bootstrap is.</summary>
/// <param name="Counts">The rows settled so far.</param>
/// <param name="BytesRead">How much of the file has been read.</param>
/// <param name="TotalBytes">The file's size.</param>
public sealed record FileBootstrapProgress(SyncCounts Counts, long BytesRead, long TotalBytes);
