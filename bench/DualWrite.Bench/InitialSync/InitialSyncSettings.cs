namespace DualWrite.Bench.InitialSync;

/// <summary>What the initial sync benchmark was asked to measure.</summary>
/// <param name="Customers">Customers added to F&amp;O beside its demo data.</param>
/// <param name="Companies">How many of the demo companies (<c>usmf</c>, <c>gbsi</c>, <c>dat</c>) are linked and get customers.</param>
/// <param name="BatchSize">Rows per <c>$batch</c> the change writer sends; also the baseline's rows per transaction.</param>
/// <param name="Parallelism">Batches the change writer keeps in flight.</param>
/// <param name="PageSize">Rows per page read from each side.</param>
/// <param name="CheckpointEvery">Rows settled between checkpoints.</param>
/// <param name="Fill">How the customers go into F&amp;O.</param>
internal sealed record InitialSyncSettings(int Customers, int Companies, int BatchSize, int Parallelism, int PageSize, int CheckpointEvery, FillMethod Fill);
