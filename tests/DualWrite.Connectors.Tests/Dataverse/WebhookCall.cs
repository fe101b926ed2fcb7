using System.Text.Json;

namespace DualWrite.Connectors.Tests.Dataverse;

/// <summary>One call a <see cref="WebhookReceiver"/> received.</summary>
internal sealed record WebhookCall(IReadOnlyDictionary<string, string> Headers, JsonElement Body)
{
    public string? MessageName => Body.GetProperty(nameof(MessageName)).GetString();

    public string? Table => Body.GetProperty("PrimaryEntityName").GetString();

    public Guid Id => Body.GetProperty("PrimaryEntityId").GetGuid();
}
