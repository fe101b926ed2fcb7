namespace DualWrite.Protocols.Batch;

/// <summary>
/// One entry of a <c>$batch</c> request, in order: a request on its own (<see cref="BatchSingle"/>) or an
/// atomic change set (<see cref="BatchChangeSet"/>). Only this assembly can derive from it, so a switch
/// over the two kinds is complete.
/// </summary>
public abstract record BatchItem
{
    private protected BatchItem()
    {
    }

    /// <summary>How many requests this entry holds, as counted against the batch limit.</summary>
    public abstract int RequestCount { get; }
}
