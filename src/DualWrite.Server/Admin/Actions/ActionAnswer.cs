namespace DualWrite.Server.Admin.Actions;

/// <summary>The maps an action took, with their states after it.</summary>
internal sealed record ActionAnswer(IReadOnlyList<MapStateLine> Maps);
