namespace DualWrite.Cli.Remote.Shapes;

/// <summary>The body of pause and stop: the maps to move.</summary>
internal sealed record MapsBody(IReadOnlyList<string> Maps);
