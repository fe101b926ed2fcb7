namespace DualWrite.Runtime.Reconciliation;

public enum RowDifferenceKind
{
    /// <summary>F&amp;O has the row, Dataverse is expected to and does not.</summary>
    OnlyInFinOps,

    /// <summary>Dataverse has the row, F&amp;O is expected to and does not.</summary>
    OnlyInDataverse,

    /// <summary>Both sides have the row and some mapped values differ.</summary>
    Differing,
}
