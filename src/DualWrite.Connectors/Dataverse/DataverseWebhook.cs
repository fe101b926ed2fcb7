namespace DualWrite.Connectors.Dataverse;

/// <summary>A registered webhook: its service endpoint and the steps that call it.</summary>
/// <param name="EndpointId">The <c>serviceendpoint</c> row.</param>
/// <param name="StepIds">The <c>sdkmessageprocessingstep</c> rows, one per message and table.</param>
public sealed record DataverseWebhook(Guid EndpointId, IReadOnlyList<Guid> StepIds);
