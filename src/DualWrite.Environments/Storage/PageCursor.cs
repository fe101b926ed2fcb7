namespace DualWrite.Environments.Storage;

/// <summary>
/// Where a page ended: the stored sort values and row id of its last row. The next page starts strictly after
/// it, so rows written between pages neither repeat nor shift others out.
/// </summary>
internal sealed record PageCursor(IReadOnlyList<object?> SortValues, long RowId);
