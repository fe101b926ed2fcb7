namespace DualWrite.Protocols.Batch;

/// <summary>Requests that succeed or fail together; later ones may refer to earlier ones by <c>$</c>Content-ID.</summary>
public sealed record BatchChangeSet : BatchItem
{
    public BatchChangeSet(IEnumerable<BatchRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        Requests = [.. requests];
    }

    public IReadOnlyList<BatchRequest> Requests { get; }

    public override int RequestCount => Requests.Count;

    public bool Equals(BatchChangeSet? other) => other is not null && Requests.SequenceEqual(other.Requests);

    public override int GetHashCode() => Requests.Count;
}
