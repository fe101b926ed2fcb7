namespace DualWrite.Runtime.Connection;

/// <summary>What the link registered on each side so that changes reach the runtime; reset link removes it.</summary>
/// <param name="FinOpsHookId">The F&amp;O sync hook.</param>
/// <param name="FinOpsEntities">The F&amp;O entities it is called for.</param>
/// <param name="DataverseEndpointId">The Dataverse <c>serviceendpoint</c> of the webhook.</param>
/// <param name="DataverseStepIds">Its <c>sdkmessageprocessingstep</c> rows, one per message and table.</param>
/// <param name="DataverseTables">The Dataverse tables (logical names) it is called for.</param>
public sealed record LinkHooks(
    string FinOpsHookId,
    IReadOnlyList<string> FinOpsEntities,
    Guid DataverseEndpointId,
    IReadOnlyList<Guid> DataverseStepIds,
    IReadOnlyList<string> DataverseTables);
