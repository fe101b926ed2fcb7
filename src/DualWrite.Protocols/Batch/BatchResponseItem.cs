namespace DualWrite.Protocols.Batch;

/// <summary>
/// One entry of a <c>$batch</c> response, in the order of the request entries. A change set that failed is
/// answered by a single response (a <see cref="BatchSingleResponse"/> holding the error, as OData prescribes,
/// or a <see cref="BatchChangeSetResponse"/> of one), never by partial results.
/// </summary>
public abstract record BatchResponseItem
{
    private protected BatchResponseItem()
    {
    }

    /// <summary>How many responses this entry holds, as counted against the batch limit.</summary>
    public abstract int ResponseCount { get; }
}
