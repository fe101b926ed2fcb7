namespace DualWrite.Bench.Measuring;

/// <summary>The highest memory figures sampled over a phase, in bytes.</summary>
/// <param name="ManagedHeap">Bytes allocated on the managed heap and not yet collected.</param>
/// <param name="WorkingSet">Physical memory the process held: both emulators and the runtime, native parts included.</param>
/// <param name="Samples">How many samples were taken.</param>
internal sealed record MemoryPeaks(long ManagedHeap, long WorkingSet, int Samples);
