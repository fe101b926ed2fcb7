using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Reconciliation;

/// <summary>What a comparison of one map is asked to do.</summary>
/// <param name="Company">One linked company to compare, or null for every linked company (ignored for a global map).</param>
/// <param name="FixWith">
/// When set, the side whose values win: if the sides differ, the map's rows are settled as an initial sync with this
/// master settles them, and the sides are compared again.
/// </param>
/// <param name="MaxDifferences">Rows with a difference kept in detail; null for <see cref="ComparisonOptions.MaxDifferences"/>.</param>
public sealed record ComparisonRequest(string? Company = null, Master? FixWith = null, int? MaxDifferences = null);
