namespace DualWrite.Environments.Dataverse.Webhooks;

/// <summary>An <c>sdkmessageprocessingstep</c> that calls a webhook.</summary>
/// <param name="Id">The step's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Message">Create, Update or Delete.</param>
/// <param name="Entity">The table's logical name, or null for every table.</param>
/// <param name="Stage">The pipeline stage; 40 is post-operation, inside the transaction.</param>
/// <param name="Rank">The order among steps of the same message.</param>
/// <param name="Synchronous">Mode 0: the write waits for the webhook, and fails with it.</param>
/// <param name="FilteringAttributes">For Update: the columns whose change fires the step; empty for any.</param>
/// <param name="Owner">The user who registered the step; that user's writes do not fire it.</param>
/// <param name="Endpoint">Where the step posts.</param>
internal sealed record WebhookStep(
    Guid Id,
    string Name,
    string Message,
    string? Entity,
    int Stage,
    int Rank,
    bool Synchronous,
    IReadOnlyList<string> FilteringAttributes,
    string? Owner,
    WebhookEndpoint Endpoint);
