using System.Diagnostics;

namespace DualWrite.Bench.Measuring;

/// <summary>
/// Times one phase of a benchmark in this process: wall clock, processor time on every core, memory peaks sampled
/// while it runs, and the managed heap it leaves held.
/// </summary>
/// <remarks>
/// The heap is collected before the phase, so that the peak is the phase's own and not what filling and the earlier
/// maps left behind, and again after it, so that memory that grows with the rows shows and garbage does not. That
/// second collection also spares whatever is measured next (a baseline) from paying for the phase's garbage.
/// </remarks>
internal sealed class PhaseMeter : IDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    private readonly long heapBefore;
    private readonly Process process;
    private readonly TimeSpan processorBefore;
    private readonly MemorySampler sampler;
    private readonly Stopwatch clock;

    private PhaseMeter()
    {
        heapBefore = CollectedHeap();
        process = Process.GetCurrentProcess();
        processorBefore = process.TotalProcessorTime;
        sampler = new MemorySampler(SampleEvery);
        clock = Stopwatch.StartNew();
    }

    public static PhaseMeter Start() => new();

    /// <summary>
    /// Stops the clock and the sampling, then collects the heap. What the phase produced counts as held only while
    /// the caller still holds it, as the runtime would until it had answered.
    /// </summary>
    public PhaseCost Stop()
    {
        clock.Stop();
        var memory = sampler.Stop();
        process.Refresh();
        var processor = process.TotalProcessorTime - processorBefore;
        return new PhaseCost(clock.Elapsed, processor, memory, CollectedHeap() - heapBefore);
    }

    public void Dispose()
    {
        sampler.Dispose();
        process.Dispose();
    }

    /// <summary>The managed heap after a full, compacting collection: what is held, without garbage.</summary>
    private static long CollectedHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
