namespace DualWrite.Environments.Storage;

/// <param name="Rows">The rows, in order.</param>
/// <param name="Last">The cursor after the last row, or null when the page is empty.</param>
internal sealed record QueryPage(IReadOnlyList<StoredRow> Rows, PageCursor? Last);
