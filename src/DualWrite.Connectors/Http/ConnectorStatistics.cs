namespace DualWrite.Connectors.Http;

/// <summary>What the calls to one environment met, so that throttling and retries are seen, not hidden.</summary>
public sealed class ConnectorStatistics
{
    private long requests;
    private long throttled;
    private long retried;
    private long failed;

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Answers of 429 Too Many Requests.</summary>
    public long Throttled => Interlocked.Read(ref throttled);

    /// <summary>Requests sent again after a 429, a 503 or no answer.</summary>
    public long Retried => Interlocked.Read(ref retried);

    /// <summary>Requests that failed for good.</summary>
    public long Failed => Interlocked.Read(ref failed);

    internal void Request() => Interlocked.Increment(ref requests);

    internal void Throttle() => Interlocked.Increment(ref throttled);

    internal void Retry() => Interlocked.Increment(ref retried);

    internal void Fail() => Interlocked.Increment(ref failed);

    public override string ToString() => $"{Requests} requests, {Throttled} throttled, {Retried} retried, {Failed} failed";
}
