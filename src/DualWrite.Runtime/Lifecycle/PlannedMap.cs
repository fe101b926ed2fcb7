namespace DualWrite.Runtime.Lifecycle;

/// <summary>One map Run proposes: whether it copies what exists first, its state, and whether the chosen map needs it.</summary>
/// <param name="Map">The map's name.</param>
/// <param name="InitialSync">Whether Run proposes to copy what exists first.</param>
/// <param name="State">Where the map is now.</param>
/// <param name="Required">
/// True for the map chosen and the maps its lookups need rows from; leaving one of those out makes the chosen
/// map's rows fail until something else fills its table.
/// </param>
public sealed record PlannedMap(string Map, bool InitialSync, MapState State, bool Required);
