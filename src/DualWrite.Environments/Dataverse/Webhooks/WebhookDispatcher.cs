using System.Xml.Linq;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Hooks;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;
using Microsoft.Extensions.Logging;

namespace DualWrite.Environments.Dataverse.Webhooks;

/// <summary>
/// Fires the webhook steps of an operation right after it, inside its transaction: a synchronous step that
/// refuses rolls the operation (and its change set) back; an asynchronous one is posted after the commit.
/// </summary>
internal sealed class WebhookDispatcher(WebhookSteps steps, HookCaller caller, TimeProvider time, ILogger<WebhookDispatcher> logger)
{
    public const string RefusedCode = "0x80040265";

    public static readonly Guid OrganizationId = new("5e0f3b0c-7f0a-4a8e-9a65-6b1e1c5d0001");
    public static readonly Guid BusinessUnitId = new("5e0f3b0c-7f0a-4a8e-9a65-6b1e1c5d0002");

    public async Task OnOperationAsync(
        WriteTransaction transaction,
        string message,
        TableSchema table,
        Row target,
        StoredRow after,
        StoredRow? before,
        CancellationToken cancellationToken)
    {
        var actor = transaction.Actor.UserId.ToString("D");
        foreach (var step in steps.All)
        {
            if (step.Message != message
                || (step.Entity is not null && !string.Equals(step.Entity, table.Name, StringComparison.OrdinalIgnoreCase))
                || string.Equals(step.Owner, actor, StringComparison.OrdinalIgnoreCase)
                || (message == "Update" && step.FilteringAttributes.Count > 0 && !step.FilteringAttributes.Any(target.Contains)))
            {
                continue;
            }

            var body = RemoteExecutionContextWriter.Write(new WebhookInvocation(
                step, message, table, target, after, before, transaction.Actor.UserId,
                transaction.CorrelationId, Guid.NewGuid(), OrganizationId, BusinessUnitId, time.GetUtcNow()));
            var (url, headers) = Authenticate(step.Endpoint);
            if (step.Synchronous)
            {
                await caller.CallAsync(url, headers, body, RefusedCode, cancellationToken);
                continue;
            }

            transaction.AfterCommit.Add(async () =>
            {
                try
                {
                    await caller.CallAsync(url, headers, body, RefusedCode, CancellationToken.None);
                }
                catch (ODataException e)
                {
                    HookLog.AsyncWebhookFailed(logger, step.Endpoint.Url, e.Message);
                }
            });
        }
    }

    /// <summary>The credentials a service endpoint asks for, as headers or query parameters.</summary>
    private static (string Url, Dictionary<string, string> Headers) Authenticate(WebhookEndpoint endpoint)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var url = endpoint.Url;
        switch (endpoint.AuthType)
        {
            case 4:
                foreach (var (name, value) in Settings(endpoint))
                {
                    headers[name] = value;
                }

                break;
            case 5:
                url = AppendQuery(url, [("code", endpoint.AuthValue ?? string.Empty)]);
                break;
            case 6:
                url = AppendQuery(url, Settings(endpoint));
                break;
        }

        return (url, headers);
    }

    private static List<(string Name, string Value)> Settings(WebhookEndpoint endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint.AuthValue))
        {
            return [];
        }

        try
        {
            return XElement.Parse(endpoint.AuthValue).Elements("setting")
                .Select(s => ((string?)s.Attribute("name") ?? string.Empty, (string?)s.Attribute("value") ?? string.Empty))
                .Where(s => s.Item1.Length > 0)
                .ToList();
        }
        catch (System.Xml.XmlException e)
        {
            throw new ODataException(400, RefusedCode, $"The service endpoint {endpoint.Id} has an authvalue that is not <settings> XML: {e.Message}");
        }
    }

    private static string AppendQuery(string url, IEnumerable<(string Name, string Value)> parameters) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
}
