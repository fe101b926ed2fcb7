namespace DualWrite.Bench.Bootstrap;

/// <summary>What the file bootstrap benchmark was asked to measure.</summary>
/// <param name="Customers">Rows of the export, dealt round the companies.</param>
/// <param name="Companies">How many of the demo companies (<c>usmf</c>, <c>gbsi</c>, <c>dat</c>) are linked and have rows.</param>
/// <param name="BatchSize">Rows per request the change writer sends; also the baseline's rows per transaction.</param>
/// <param name="Parallelism">Requests the change writer keeps in flight.</param>
/// <param name="RowsPerBatch">Rows of the file read, compared and written together.</param>
internal sealed record BootstrapSettings(int Customers, int Companies, int BatchSize, int Parallelism, int RowsPerBatch);
