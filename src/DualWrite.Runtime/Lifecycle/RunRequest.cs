namespace DualWrite.Runtime.Lifecycle;

/// <summary>
/// What Run starts: the maps in the order they run (related maps included or left out as the person chose),
/// initial sync per map, and the master for conflicts.
/// </summary>
public sealed record RunRequest(IReadOnlyList<RunItem> Maps, Master Master = Master.Dataverse);
