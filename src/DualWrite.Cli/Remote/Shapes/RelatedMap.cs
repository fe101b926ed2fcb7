namespace DualWrite.Cli.Remote.Shapes;

internal sealed record RelatedMap(string Map, bool InitialSync, string State, bool Required);
