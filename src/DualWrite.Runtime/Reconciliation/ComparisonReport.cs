namespace DualWrite.Runtime.Reconciliation;

/// <summary>What comparing both sides of one map found.</summary>
/// <param name="Map">The map's name.</param>
/// <param name="Companies">Each company compared, in the order compared; one entry with an empty company for a global map.</param>
/// <param name="Totals">The counts over every company.</param>
/// <param name="Differences">
/// The differing keys in detail, in key order within each company, at most the number asked for: when
/// <see cref="ComparisonCounts.Differences"/> in <paramref name="Totals"/> is larger, the rest were counted and not kept.
/// </param>
/// <param name="Seconds">How long reading and comparing both sides took.</param>
/// <param name="Fix">What fixing did, when a fix was asked for and the sides differed; null otherwise.</param>
public sealed record ComparisonReport(
    string Map,
    IReadOnlyList<CompanyComparison> Companies,
    ComparisonCounts Totals,
    IReadOnlyList<RowDifference> Differences,
    double Seconds,
    ComparisonFix? Fix = null)
{
    /// <summary>Whether both sides held the same rows with the same mapped values when compared (before any fix).</summary>
    public bool Agrees => Totals.Differences == 0;

    /// <summary>Whether the sides agree now: after the fix when there was one.</summary>
    public bool AgreesNow => Fix?.After.Agrees ?? Agrees;

    /// <summary>Rows read on both sides per second.</summary>
    public double RowsPerSecond => Seconds > 0 ? Math.Round((Totals.FinOpsRows + Totals.DataverseRows) / Seconds, 1) : 0;
}
