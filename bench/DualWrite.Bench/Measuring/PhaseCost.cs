namespace DualWrite.Bench.Measuring;

/// <summary>What one timed phase cost the process, as <see cref="PhaseMeter"/> measured it.</summary>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="Processor">Processor time the whole process spent meanwhile, on every core.</param>
/// <param name="Memory">The highest memory figures sampled meanwhile.</param>
/// <param name="HeapHeld">Managed heap still held after the phase, over what was held before it, both after a full collection.</param>
internal sealed record PhaseCost(TimeSpan Elapsed, TimeSpan Processor, MemoryPeaks Memory, long HeapHeld)
{
    /// <summary>Processor time over wall-clock time: how many cores the phase kept busy on average.</summary>
    public double CoresBusy => Elapsed > TimeSpan.Zero ? Processor / Elapsed : 0;
}
