namespace DualWrite.Cli.Remote.Shapes;

internal sealed record DebugBody(bool Enabled);
