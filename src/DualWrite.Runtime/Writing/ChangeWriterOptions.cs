namespace DualWrite.Runtime.Writing;

/// <summary>How the change writer batches.</summary>
/// <param name="BatchSize">Rows per <c>$batch</c>.</param>
/// <param name="Parallelism">Batches in flight at once.</param>
public sealed record ChangeWriterOptions(int BatchSize = 500, int Parallelism = 4);
