namespace DualWrite.Server.Admin.Connection;

/// <summary>What a reset did: the maps a forced reset stopped, and what it had to leave on the environments to remove by hand.</summary>
internal sealed record ResetAnswer(IReadOnlyList<string> Stopped, IReadOnlyList<string> LeftBehind);
