namespace DualWrite.Cli.Remote.Shapes;

/// <summary>What to compare, and with which master to fix the differences (null to only compare).</summary>
internal sealed record CompareBody(string? Company, bool Fix, string? Master, int MaxDifferences);
