namespace DualWrite.Environments.FinOps;

/// <summary>The body of a sync hook registration.</summary>
internal sealed record SyncHookRegistration(IReadOnlyList<string>? Entities, string? Url, string? Secret);
