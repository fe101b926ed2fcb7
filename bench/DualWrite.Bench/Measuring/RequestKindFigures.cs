namespace DualWrite.Bench.Measuring;

/// <summary>One kind of request over a phase.</summary>
/// <param name="Kind">What the requests did.</param>
/// <param name="Count">Requests answered.</param>
/// <param name="Latency">Their latencies added up.</param>
/// <param name="Busy">Wall-clock time during which at least one of them was under way.</param>
internal sealed record RequestKindFigures(RequestKind Kind, long Count, TimeSpan Latency, TimeSpan Busy)
{
    public TimeSpan MeanLatency => Count == 0 ? TimeSpan.Zero : Latency / Count;
}
