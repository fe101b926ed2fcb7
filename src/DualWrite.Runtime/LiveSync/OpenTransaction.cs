using DualWrite.Core.Mapping;

namespace DualWrite.Runtime.LiveSync;

/// <summary>What live sync did for the operations of one Dataverse transaction that has not yet been seen to commit.</summary>
/// <param name="correlation">The id the transaction's operations share.</param>
internal sealed class OpenTransaction(string correlation)
{
    public string Correlation { get; } = correlation;

    /// <summary>The changes written to F&amp;O, in order, with the map that wrote each.</summary>
    public List<(RowMapper Mapper, SourceChange Change)> Written { get; } = [];

    /// <summary>The lane entries appended for it.</summary>
    public List<long> Appended { get; } = [];

    /// <summary>Every change it carried, written or queued: the rows to look at again if no commit is seen.</summary>
    public List<(RowMapper Mapper, SourceChange Change)> Touched { get; } = [];

    /// <summary>When its rows are to be made equal to Dataverse if no commit has been seen by then.</summary>
    public DateTimeOffset Due { get; set; }

    /// <summary>How many times that has been tried.</summary>
    public int Attempts { get; set; }
}
