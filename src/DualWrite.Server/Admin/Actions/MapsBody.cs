namespace DualWrite.Server.Admin.Actions;

/// <summary>The maps Pause or Stop acts on.</summary>
internal sealed record MapsBody(IReadOnlyList<string> Maps);
