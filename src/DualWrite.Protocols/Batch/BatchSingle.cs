namespace DualWrite.Protocols.Batch;

/// <summary>A request outside any change set: it succeeds or fails on its own.</summary>
public sealed record BatchSingle(BatchRequest Request) : BatchItem
{
    public override int RequestCount => 1;
}
