namespace DualWrite.Server.Admin.Maps;

internal sealed record DebugBody(bool Enabled);
