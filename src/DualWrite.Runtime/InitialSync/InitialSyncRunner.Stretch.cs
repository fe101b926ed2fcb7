using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.InitialSync;

public sealed partial class InitialSyncRunner
{
    /// <summary>
    /// Rows settled between two checkpoints, as planned when the stretch was cut: its writes, the lookups to rows of
    /// the same table that wait for them, and the counts and errors of the planning up to its last key.
    /// </summary>
    /// <param name="Last">The last key settled in it, or null when no row was.</param>
    /// <param name="ToDataverse">Rows to write to Dataverse.</param>
    /// <param name="ToFinOps">Rows to write to F&amp;O.</param>
    /// <param name="SelfLookups">Lookups to rows of the map's own table, set once the rows are written.</param>
    /// <param name="PlannedToDataverse">The counts towards Dataverse of everything planned up to <paramref name="Last"/>, without the outcomes of writes.</param>
    /// <param name="PlannedToFinOps">The same towards F&amp;O.</param>
    /// <param name="Errors">The errors of its planning; those of its writes join them.</param>
    private sealed record Stretch(
        RowKey? Last,
        DataverseRowWrite[] ToDataverse,
        (RowKey Key, FinOpsWrite Write)[] ToFinOps,
        DataverseRowWrite[] SelfLookups,
        SyncCounts PlannedToDataverse,
        SyncCounts PlannedToFinOps,
        List<SyncRowError> Errors)
    {
        /// <summary>The writes under way: the outcomes towards Dataverse, then towards F&amp;O, in the order planned.</summary>
        public Task<IReadOnlyList<RowWriteOutcome>[]>? Writing { get; set; }
    }
}
