using DualWrite.Runtime.InitialSync;

namespace DualWrite.Runtime.Lifecycle;

/// <summary>
/// What Run starts: the maps in the order they run (related maps included or left out as the person chose),
/// initial sync per map, the master for conflicts, and for maps that ran before, whether rows that failed last
/// time are tried again.
/// </summary>
public sealed record RunRequest(IReadOnlyList<RunItem> Maps, Master Master = Master.Dataverse, RerunMode Rerun = RerunMode.Everything);
