namespace DualWrite.Cli.Remote.Shapes;

internal sealed record MapStateEntry(string Name, string State);
