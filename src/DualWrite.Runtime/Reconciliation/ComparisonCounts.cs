namespace DualWrite.Runtime.Reconciliation;

/// <summary>What a comparison found, row by row; always exact, however many differences were kept in detail.</summary>
/// <param name="FinOpsRows">Rows read from F&amp;O.</param>
/// <param name="DataverseRows">Rows read from Dataverse.</param>
/// <param name="Compared">Integration keys that take part in the map on at least one side: the sum of the four counts after it.</param>
/// <param name="Equal">Keys on both sides whose mapped values agree.</param>
/// <param name="OnlyInFinOps">Keys F&amp;O has that Dataverse is expected to have and does not.</param>
/// <param name="OnlyInDataverse">Keys Dataverse has that F&amp;O is expected to have and does not.</param>
/// <param name="Differing">Keys on both sides whose mapped values differ.</param>
/// <param name="Skipped">Keys whose rows the map leaves out on every side that has them: outside its filters, or of a company not linked.</param>
public sealed record ComparisonCounts(
    long FinOpsRows = 0,
    long DataverseRows = 0,
    long Compared = 0,
    long Equal = 0,
    long OnlyInFinOps = 0,
    long OnlyInDataverse = 0,
    long Differing = 0,
    long Skipped = 0)
{
    /// <summary>Keys that are not the same on both sides.</summary>
    public long Differences => OnlyInFinOps + OnlyInDataverse + Differing;

    public static ComparisonCounts operator +(ComparisonCounts a, ComparisonCounts b) => new(
        a.FinOpsRows + b.FinOpsRows,
        a.DataverseRows + b.DataverseRows,
        a.Compared + b.Compared,
        a.Equal + b.Equal,
        a.OnlyInFinOps + b.OnlyInFinOps,
        a.OnlyInDataverse + b.OnlyInDataverse,
        a.Differing + b.Differing,
        a.Skipped + b.Skipped);

    public ComparisonCounts Add(ComparisonCounts other) => this + other;
}
