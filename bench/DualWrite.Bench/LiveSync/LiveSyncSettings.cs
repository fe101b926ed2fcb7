namespace DualWrite.Bench.LiveSync;

/// <param name="Writes">Updates timed one by one, with the map stopped and then running.</param>
/// <param name="Queued">Changes queued while the map is paused, then replayed.</param>
/// <param name="PerTransaction">Changes per F&amp;O transaction while queueing: each row of a transaction once.</param>
/// <param name="Batch">Rows per change set the runtime writes, and of the baseline's direct writes.</param>
internal sealed record LiveSyncSettings(int Writes, int Queued, int PerTransaction, int Batch);
