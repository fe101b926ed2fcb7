namespace DualWrite.Core.Rows;

/// <summary>One committed create, update or delete of one row, as the change log records it.</summary>
/// <param name="Table">The table's logical name.</param>
/// <param name="Operation">What happened to the row.</param>
/// <param name="Key">The row's key.</param>
/// <param name="ChangedFields">The fields the write set (all of them for a create, none for a delete).</param>
/// <param name="Values">The row after the change; for a delete, the row as it was.</param>
/// <param name="Version">The row version the write gave the row; it only grows.</param>
public sealed record RowChange(
    string Table,
    ChangeOperation Operation,
    RowKey Key,
    IReadOnlyList<string> ChangedFields,
    Row Values,
    long Version);
