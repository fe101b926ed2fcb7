namespace DualWrite.Bench.Measuring;

/// <summary>
/// How long at least one request of any kind, to either environment, was under way: the sync's time outside it is
/// its own work (merge, mapping, checkpoints) with nothing to wait for, however the requests overlap.
/// </summary>
internal sealed class RequestActivity
{
    private readonly Lock gate = new();
    private RequestKindTiming timing = new();

    public TimeSpan Busy
    {
        get
        {
            lock (gate)
            {
                return timing.ToFigures(RequestKind.Read).Busy;
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            timing = new RequestKindTiming();
        }
    }

    public void Begin(long at)
    {
        lock (gate)
        {
            timing.Begin(at);
        }
    }

    public void End(long started, long ended)
    {
        lock (gate)
        {
            timing.End(started, ended);
        }
    }
}
