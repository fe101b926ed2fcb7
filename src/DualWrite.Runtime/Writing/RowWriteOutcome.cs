using DualWrite.Core.Rows;

namespace DualWrite.Runtime.Writing;

/// <summary>How one row's write ended: written, or failed with the field and the reason.</summary>
public sealed record RowWriteOutcome(RowKey Key, bool Success, string? Field = null, string? Message = null);
