namespace DualWrite.Protocols.Batch;

/// <summary>The answer to a request outside any change set, or the one error answering a failed change set.</summary>
public sealed record BatchSingleResponse(BatchResponse Response) : BatchResponseItem
{
    public override int ResponseCount => 1;
}
