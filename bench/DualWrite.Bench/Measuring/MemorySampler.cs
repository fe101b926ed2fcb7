namespace DualWrite.Bench.Measuring;

/// <summary>
/// Samples the process's memory on a timer from construction to <see cref="Stop"/> and keeps the highest
/// figures. Sampling rather than <see cref="System.Diagnostics.Process.PeakWorkingSet64"/> confines the peak to
/// the phase measured; the process's own peak also covers filling the environments before it.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer timer;
    private long managedHeap;
    private long workingSet;
    private int samples;

    public MemorySampler(TimeSpan interval)
    {
        Sample();
        timer = new Timer(_ => Sample(), null, interval, interval);
    }

    public MemoryPeaks Stop()
    {
        timer.Dispose();
        Sample();
        return new MemoryPeaks(Interlocked.Read(ref managedHeap), Interlocked.Read(ref workingSet), Volatile.Read(ref samples));
    }

    public void Dispose() => timer.Dispose();

    private static void Raise(ref long peak, long value)
    {
        var seen = Interlocked.Read(ref peak);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref peak, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private void Sample()
    {
        Raise(ref managedHeap, GC.GetTotalMemory(forceFullCollection: false));
        Raise(ref workingSet, Environment.WorkingSet);
        Interlocked.Increment(ref samples);
    }
}
