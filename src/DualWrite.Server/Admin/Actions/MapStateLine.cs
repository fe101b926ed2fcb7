using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Server.Admin.Actions;

internal sealed record MapStateLine(string Name, MapState State);
