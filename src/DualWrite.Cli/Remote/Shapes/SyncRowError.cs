namespace DualWrite.Cli.Remote.Shapes;

internal sealed record SyncRowError(string Company, string Direction, string Key, string? Field, string Message);
