namespace DualWrite.Cli.Remote.Shapes;

internal sealed record ResetBody(bool Force);
