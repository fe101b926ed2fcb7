namespace DualWrite.Runtime.Reconciliation;

/// <summary>What the comparison of one company found; the company is empty for a global map.</summary>
public sealed record CompanyComparison(string Company, ComparisonCounts Counts);
