namespace DualWrite.Server.Admin.Maps;

internal sealed record LastError(DateTimeOffset At, string Message);
