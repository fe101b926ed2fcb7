namespace DualWrite.Environments.OData.Batch;

/// <summary>A request outside any change set: it succeeds or fails on its own.</summary>
internal sealed record BatchSingle(BatchRequest Request) : BatchItem
{
    public override int RequestCount => 1;
}
