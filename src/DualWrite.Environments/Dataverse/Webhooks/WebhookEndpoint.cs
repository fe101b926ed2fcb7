namespace DualWrite.Environments.Dataverse.Webhooks;

/// <summary>A <c>serviceendpoint</c> of contract Webhook: where to post and how to prove the call is ours.</summary>
/// <param name="Id">The service endpoint's id.</param>
/// <param name="Url">The webhook's address.</param>
/// <param name="AuthType">4 HttpHeader, 5 WebhookKey, 6 HttpQueryString.</param>
/// <param name="AuthValue">The key, or the <c>&lt;settings&gt;</c> XML of headers or query parameters.</param>
internal sealed record WebhookEndpoint(Guid Id, string Url, int? AuthType, string? AuthValue)
{
    public override string ToString() => $"{Id} → {Url}";
}
