namespace DualWrite.Server.Admin.Maps;

internal sealed record DebugAnswer(string Map, bool Debug);
