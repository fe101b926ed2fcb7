namespace DualWrite.Cli.Remote.Shapes;

internal sealed record RunItem(string Map, bool InitialSync);
