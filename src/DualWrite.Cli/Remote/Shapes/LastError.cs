namespace DualWrite.Cli.Remote.Shapes;

internal sealed record LastError(DateTimeOffset At, string Message);
