namespace DualWrite.Runtime.InitialSync;

/// <summary>What a run did in one direction for one company.</summary>
/// <param name="Skipped">Rows read but left out: outside the map's filter or companies, or left out of a re-run without errors.</param>
public sealed record SyncCounts(long Read = 0, long Created = 0, long Updated = 0, long Unchanged = 0, long Failed = 0, long Skipped = 0)
{
    public static SyncCounts operator +(SyncCounts a, SyncCounts b) =>
        new(a.Read + b.Read, a.Created + b.Created, a.Updated + b.Updated, a.Unchanged + b.Unchanged, a.Failed + b.Failed, a.Skipped + b.Skipped);

    public SyncCounts Add(SyncCounts other) => this + other;
}
