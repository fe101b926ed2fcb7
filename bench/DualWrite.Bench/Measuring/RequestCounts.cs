using DualWrite.Connectors.Http;

namespace DualWrite.Bench.Measuring;

/// <summary>The counters of a transport at one moment; two of them subtract to what a phase did.</summary>
internal sealed record RequestCounts(long Requests, long Throttled, long Retried, long Failed)
{
    public static RequestCounts Of(ConnectorStatistics statistics) =>
        new(statistics.Requests, statistics.Throttled, statistics.Retried, statistics.Failed);

    public static RequestCounts operator -(RequestCounts after, RequestCounts before) =>
        new(after.Requests - before.Requests, after.Throttled - before.Throttled, after.Retried - before.Retried, after.Failed - before.Failed);
}
