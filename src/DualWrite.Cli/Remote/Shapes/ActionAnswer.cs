namespace DualWrite.Cli.Remote.Shapes;

/// <summary>The states of the maps an action moved, after it.</summary>
internal sealed record ActionAnswer(IReadOnlyList<MapStateEntry> Maps);
