using System.Diagnostics;

namespace DualWrite.Bench.Measuring;

/// <summary>The running totals of one kind of request; its owner serialises the calls.</summary>
internal sealed class RequestKindTiming
{
    private long count;
    private long latencyTicks;
    private long busyTicks;
    private int inFlight;
    private long busySince;

    public void Begin(long at)
    {
        if (inFlight++ == 0)
        {
            busySince = at;
        }
    }

    public void End(long started, long ended)
    {
        count++;
        latencyTicks += ended - started;
        if (inFlight > 0 && --inFlight == 0)
        {
            busyTicks += ended - busySince;
        }
    }

    public RequestKindFigures ToFigures(RequestKind kind)
    {
        // Requests still under way count as busy up to now, so that a snapshot taken mid-flight is not short.
        var busy = busyTicks + (inFlight > 0 ? Stopwatch.GetTimestamp() - busySince : 0);
        return new RequestKindFigures(kind, count, Stopwatch.GetElapsedTime(0, latencyTicks), Stopwatch.GetElapsedTime(0, busy));
    }
}
