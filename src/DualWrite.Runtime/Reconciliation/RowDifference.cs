namespace DualWrite.Runtime.Reconciliation;

/// <summary>One integration key that is not the same on both sides.</summary>
/// <param name="Company">The row's company; empty for a global map.</param>
/// <param name="Key">The integration key, as the error logs write it.</param>
/// <param name="Kind">Missing on one side, or differing.</param>
/// <param name="Fields">For a differing row, each field that differs with both values; empty otherwise.</param>
/// <param name="Problem">Why the row could not be mapped for comparison in full (a value its value map lacks), or null.</param>
public sealed record RowDifference(string Company, string Key, RowDifferenceKind Kind, IReadOnlyList<FieldDifference> Fields, string? Problem = null);
