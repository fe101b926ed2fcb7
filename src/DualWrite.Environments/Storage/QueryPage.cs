namespace DualWrite.Environments.Storage;

/// <param name="Rows">The rows, in order.</param>
/// <param name="Cursors">For each row, the cursor that starts a page right after it.</param>
internal sealed record QueryPage(IReadOnlyList<StoredRow> Rows, IReadOnlyList<PageCursor> Cursors);
