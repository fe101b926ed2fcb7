namespace DualWrite.Server.Admin.Actions;

/// <summary>The maps to take live at once, and whether what is left of their queues is kept as catch-up errors (by default) or dropped.</summary>
internal sealed record SkipToLiveBody(IReadOnlyList<string> Maps, bool KeepAsCatchUpErrors = true);
