namespace DualWrite.Runtime.InitialSync;

/// <summary>How initial sync reads and how often it checkpoints.</summary>
/// <param name="PageSize">Rows per page read from each side.</param>
/// <param name="CheckpointEvery">Rows settled between checkpoints; their writes go out together before the checkpoint.</param>
public sealed record InitialSyncOptions(int PageSize = 5_000, int CheckpointEvery = 2_000);
