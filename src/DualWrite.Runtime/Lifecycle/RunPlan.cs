namespace DualWrite.Runtime.Lifecycle;

/// <summary>What Run offers for a map: the maps to start, in run order with dependencies first, and the master.</summary>
public sealed record RunPlan(IReadOnlyList<PlannedMap> Maps, Master Master)
{
    /// <summary>The run as proposed, to start as it is.</summary>
    public RunRequest ToRequest() => new(Maps.Select(m => new RunItem(m.Map, m.InitialSync)).ToArray(), Master);
}
