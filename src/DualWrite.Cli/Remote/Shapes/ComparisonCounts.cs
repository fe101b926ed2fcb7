namespace DualWrite.Cli.Remote.Shapes;

/// <summary>What a comparison counted, key by key.</summary>
internal sealed record ComparisonCounts(
    long FinOpsRows, long DataverseRows, long Compared, long Equal, long OnlyInFinOps, long OnlyInDataverse, long Differing, long Skipped, long Differences);
