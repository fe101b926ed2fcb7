namespace DualWrite.Runtime.Reconciliation;

/// <summary>How a comparison reads and how much of what it finds it keeps.</summary>
/// <param name="PageSize">Rows per page read from each side; rows are handled as they arrive, so it sets requests, not memory.</param>
/// <param name="MaxDifferences">
/// Rows with a difference kept in detail when a request does not say; the counts stay exact beyond it, so a
/// comparison of any size holds at most this many rows.
/// </param>
public sealed record ComparisonOptions(int PageSize = 5_000, int MaxDifferences = 1_000);
