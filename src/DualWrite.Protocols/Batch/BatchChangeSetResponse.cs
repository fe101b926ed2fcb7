namespace DualWrite.Protocols.Batch;

/// <summary>The answers to a change set, one per request, each carrying its request's Content-ID.</summary>
public sealed record BatchChangeSetResponse : BatchResponseItem
{
    public BatchChangeSetResponse(IEnumerable<BatchResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        Responses = [.. responses];
    }

    public IReadOnlyList<BatchResponse> Responses { get; }

    public override int ResponseCount => Responses.Count;

    public bool Equals(BatchChangeSetResponse? other) => other is not null && Responses.SequenceEqual(other.Responses);

    public override int GetHashCode() => Responses.Count;
}
