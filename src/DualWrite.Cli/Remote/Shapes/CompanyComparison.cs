namespace DualWrite.Cli.Remote.Shapes;

/// <summary>One company's counts; the company is empty for a global map.</summary>
internal sealed record CompanyComparison(string Company, ComparisonCounts Counts);
