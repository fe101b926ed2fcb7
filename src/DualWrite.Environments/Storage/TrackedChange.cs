using DualWrite.Core.Rows;

namespace DualWrite.Environments.Storage;

/// <param name="Sequence">The change log sequence of the row's last change.</param>
/// <param name="Row">The row as it is now, or null when it was deleted.</param>
/// <param name="Key">The row's key as it was last written (what identifies a deleted row).</param>
internal sealed record TrackedChange(long Sequence, StoredRow? Row, RowKey Key);
