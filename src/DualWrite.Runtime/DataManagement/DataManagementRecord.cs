using DualWrite.Core.Rows;

namespace DualWrite.Runtime.DataManagement;

/// <summary>One row of a data-management export: its values typed by the entity's fields, or why they are not.</summary>
/// <param name="Line">The line of the file the row starts on (the header is line 1); a quoted value may span several.</param>
/// <param name="Key">The row's key as written in the file (company and key fields), for reports; parts that are missing are null.</param>
/// <param name="Row">The values of the columns read, by entity field name; null when the row could not be read.</param>
/// <param name="Error">Why the row could not be read, naming the file, line, column and field; null when it was.</param>
public sealed record DataManagementRecord(long Line, RowKey Key, Row? Row, string? Error);
