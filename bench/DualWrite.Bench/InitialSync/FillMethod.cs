namespace DualWrite.Bench.InitialSync;

/// <summary>How the customers to sync are put into F&amp;O before the measurement.</summary>
internal enum FillMethod
{
    /// <summary>Straight into the environment's storage, in transactions of 5,000 rows: the fastest way.</summary>
    Storage,

    /// <summary>Through its OData <c>$batch</c>, as atomic change sets of 5,000 creates.</summary>
    Batch,
}
