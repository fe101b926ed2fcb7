namespace DualWrite.Runtime.InitialSync;

/// <summary>How initial sync reads and how often it checkpoints.</summary>
/// <param name="PageSize">
/// Rows per page read from each side. Rows are read one by one as a page arrives, so it sets the number of requests,
/// not the memory held.
/// </param>
/// <param name="CheckpointEvery">
/// Rows settled between checkpoints; their writes go out together before the checkpoint. Two such stretches are held
/// at once (one written while the next is planned), so this is what sets the memory of a run.
/// </param>
public sealed record InitialSyncOptions(int PageSize = 5_000, int CheckpointEvery = 2_000);
