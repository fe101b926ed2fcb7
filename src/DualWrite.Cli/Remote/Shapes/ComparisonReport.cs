namespace DualWrite.Cli.Remote.Shapes;

/// <summary>What comparing a map's sides found, and the fix when one was asked and needed.</summary>
internal sealed record ComparisonReport(
    string Map,
    IReadOnlyList<CompanyComparison> Companies,
    ComparisonCounts Totals,
    IReadOnlyList<RowDifference> Differences,
    double Seconds,
    bool Agrees,
    bool AgreesNow,
    double RowsPerSecond,
    ComparisonFix? Fix);
