namespace DualWrite.Cli.Remote.Shapes;

internal sealed record ActivityEntry(DateTimeOffset At, string? Who, string Action, string? Detail);
