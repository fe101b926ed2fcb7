using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Dataverse;

public sealed partial class DataverseClient
{
    private const int WebhookContract = 8;
    private const int HttpHeaderAuth = 4;
    private const int Synchronous = 0;
    private const int Asynchronous = 1;
    private const long PostOperation = 40;
    private static readonly string[] WebhookMessages = ["Create", "Update", "Delete"];

    /// <summary>
    /// Registers a webhook: a service endpoint that sends <paramref name="headerName"/>: <paramref name="secret"/>
    /// with every call, and one synchronous post-operation step per message and table, so that the writes of other
    /// principals reach <paramref name="url"/> inside their transaction. The writes of this client's own principal,
    /// which owns the steps, do not. Everything is registered in one transaction: all of it, or none.
    /// </summary>
    /// <param name="name">The endpoint's name; each step is named after it, its message and its table.</param>
    /// <param name="url">Where the service posts the <c>RemoteExecutionContext</c>.</param>
    /// <param name="headerName">The header that carries the secret.</param>
    /// <param name="secret">The secret the receiver checks; never shown in a message.</param>
    /// <param name="tables">Logical names of the tables whose writes are sent.</param>
    /// <param name="messages">Create, Update, Delete.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <param name="afterCommit">
    /// Also one asynchronous step per message and table, which posts the same context again once the transaction
    /// has committed; a receiver learns from it that what it accepted inside the transaction is for good.
    /// </param>
    public async Task<DataverseWebhook> RegisterWebhookAsync(
        string name,
        Uri url,
        string headerName,
        string secret,
        IReadOnlyList<string> tables,
        IReadOnlyList<string> messages,
        CancellationToken cancellationToken,
        bool afterCommit = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(messages);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"the webhook's address {url} is not absolute", nameof(url));
        }

        var unknown = messages.FirstOrDefault(m => !WebhookMessages.Contains(m, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"'{unknown}' is not a message a webhook is registered for ({string.Join(", ", WebhookMessages)})", nameof(messages));
        }

        if (tables.Count == 0 || messages.Count == 0)
        {
            throw new ArgumentException("a webhook needs at least one table and one message", tables.Count == 0 ? nameof(tables) : nameof(messages));
        }

        var tableNames = tables.Select(t => Table(t).Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        // Ids are chosen here, so that the steps can bind to the endpoint in the same change set.
        var endpointId = Guid.NewGuid();
        var writes = new List<DataverseWrite>
        {
            new("serviceendpoint", DataverseOperation.Create, Values: new Row
            {
                ["serviceendpointid"] = endpointId,
                ["name"] = name,
                ["url"] = url.AbsoluteUri,
                ["contract"] = WebhookContract,
                ["authtype"] = HttpHeaderAuth,
                ["authvalue"] = WebhookAuthValue.Headers(headerName, secret),
            }),
        };
        var steps = new List<Guid>();
        foreach (var message in messages.Distinct(StringComparer.Ordinal))
        {
            var messageId = await FindFirstIdAsync("sdkmessage", new Dictionary<string, object?> { ["name"] = message }, $"the message {message}", cancellationToken);
            foreach (var table in tableNames)
            {
                var filterId = await FindFirstIdAsync(
                    "sdkmessagefilter",
                    new Dictionary<string, object?> { ["primaryobjecttypecode"] = table, ["sdkmessageid"] = messageId },
                    $"the filter of {message} for {table}",
                    cancellationToken);
                foreach (var mode in afterCommit ? [Synchronous, Asynchronous] : new[] { Synchronous })
                {
                    var stepId = Guid.NewGuid();
                    steps.Add(stepId);
                    writes.Add(new DataverseWrite(
                        "sdkmessageprocessingstep",
                        DataverseOperation.Create,
                        Values: new Row
                        {
                            ["sdkmessageprocessingstepid"] = stepId,
                            ["name"] = mode == Synchronous ? $"{name}: {message} of {table}" : $"{name}: {message} of {table}, committed",
                            ["stage"] = PostOperation,
                            ["mode"] = mode,
                            ["rank"] = 1L,
                        },
                        Binds: new Dictionary<string, Guid?>
                        {
                            ["sdkmessageid"] = messageId,
                            ["sdkmessagefilterid"] = filterId,
                            ["eventhandler_serviceendpoint"] = endpointId,
                        }));
                }
            }
        }

        var outcomes = await WriteAsync(writes, atomic: true, cancellationToken);
        var failure = outcomes.FirstOrDefault(o => !o.Success && o.Status != WriteOutcomes.FailedDependency) ?? outcomes.FirstOrDefault(o => !o.Success);
        return failure is null
            ? new DataverseWebhook(endpointId, steps)
            : throw new ConnectorException($"Registering the webhook {name}: {failure.Message}", failure.Status);
    }

    /// <summary>Removes a webhook's steps, then its endpoint; parts already gone are no failure.</summary>
    public async Task RemoveWebhookAsync(DataverseWebhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);

        // The endpoint goes only once no step can call it any more.
        await DeleteAllAsync("sdkmessageprocessingstep", webhook.StepIds, cancellationToken);
        await DeleteAllAsync("serviceendpoint", [webhook.EndpointId], cancellationToken);
    }

    private async Task DeleteAllAsync(string table, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var writes = ids.Select(id => new DataverseWrite(table, DataverseOperation.Delete, DataverseKey.ById(id))).ToArray();
        var outcomes = await WriteAsync(writes, atomic: false, cancellationToken);
        var failures = outcomes.Where(o => !o.Success && o.Status != 404).ToArray();
        if (failures.Length > 0)
        {
            throw new ConnectorException($"Removing the webhook: {string.Join("; ", failures.Select(f => f.Message))}", failures[0].Status);
        }
    }

    private async Task<Guid> FindFirstIdAsync(string table, IReadOnlyDictionary<string, object?> values, string what, CancellationToken cancellationToken)
    {
        var ids = await FindIdsAsync(table, values, 1, cancellationToken);
        return ids.Count > 0 ? ids[0] : throw new ConnectorException($"Registering a webhook: the service has no {what} ({table}).");
    }
}
