namespace DualWrite.Connectors.FinOps;

/// <summary>A sync hook registered with F&amp;O; its secret is never given back.</summary>
/// <param name="Id">The id to remove it by.</param>
/// <param name="Entities">The entities whose changes it is called for, or <c>*</c> for all.</param>
/// <param name="Url">Where F&amp;O posts each transaction's changes.</param>
public sealed record FinOpsHook(string Id, IReadOnlyList<string> Entities, Uri Url);
