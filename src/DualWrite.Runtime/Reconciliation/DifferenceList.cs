namespace DualWrite.Runtime.Reconciliation;

/// <summary>The first differences found, up to a limit, so that a comparison of any size holds a bounded number.</summary>
internal sealed class DifferenceList(int limit)
{
    private readonly List<RowDifference> rows = [];

    public IReadOnlyList<RowDifference> Rows => rows;

    public void Add(RowDifference row)
    {
        if (rows.Count < limit)
        {
            rows.Add(row);
        }
    }
}
