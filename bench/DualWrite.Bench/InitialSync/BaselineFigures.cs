namespace DualWrite.Bench.InitialSync;

/// <summary>How fast the Dataverse storage took the synced rows when given them directly.</summary>
/// <param name="Rows">Rows inserted.</param>
/// <param name="Elapsed">Time spent in the write transactions, reading the rows to copy left out.</param>
/// <param name="Processor">Processor time the process spent meanwhile, on every core.</param>
/// <param name="Transactions">Transactions committed.</param>
internal sealed record BaselineFigures(long Rows, TimeSpan Elapsed, TimeSpan Processor, int Transactions)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
