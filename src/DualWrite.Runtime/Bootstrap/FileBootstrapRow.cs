using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;

namespace DualWrite.Runtime.Bootstrap;

/// <summary>A row of the file as read and mapped: its line and key, and its mapping or why it could not be read.</summary>
/// <param name="Line">The line it starts on.</param>
/// <param name="Key">Its key as far as it could be read.</param>
/// <param name="Source">The F&amp;O values; null when the row could not be read.</param>
/// <param name="Mapped">The row mapped towards Dataverse; null when the row could not be read.</param>
/// <param name="Failure">Why the row could not be read; null when it was.</param>
internal sealed record FileBootstrapRow(long Line, RowKey Key, Row? Source, MapResult? Mapped, string? Failure);
