namespace DualWrite.Server.Admin.Connection;

internal sealed record ResetBody(bool Force = false);
