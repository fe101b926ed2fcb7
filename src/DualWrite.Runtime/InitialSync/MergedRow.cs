using DualWrite.Core.Rows;

namespace DualWrite.Runtime.InitialSync;

/// <summary>One integration key and the row each side holds for it (null where a side has none).</summary>
public sealed record MergedRow(RowKey Key, Row? FinOps, Row? Dataverse);
