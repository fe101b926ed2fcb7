using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse.Webhooks;

/// <summary>
/// The registered webhook steps, read from the step, message, filter and service endpoint tables and kept
/// until a commit changes one of them.
/// </summary>
internal sealed class WebhookSteps(EnvironmentStore store)
{
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "sdkmessageprocessingstep", "sdkmessage", "sdkmessagefilter", "serviceendpoint",
    };

    private const int WebhookContract = 8;
    private volatile IReadOnlyList<WebhookStep>? steps;

    public IReadOnlyList<WebhookStep> All => steps ??= Load();

    public void Invalidate() => steps = null;

    private List<WebhookStep> Load()
    {
        var messages = ReadAll("sdkmessage").ToDictionary(r => (Guid)r.Values["sdkmessageid"]!, r => r.Values["name"] as string);
        var filters = ReadAll("sdkmessagefilter").ToDictionary(r => (Guid)r.Values["sdkmessagefilterid"]!, r => r.Values["primaryobjecttypecode"] as string);
        var endpoints = ReadAll("serviceendpoint")
            .Where(r => r.Values["contract"] is WebhookContract && r.Values["url"] is string)
            .ToDictionary(r => (Guid)r.Values["serviceendpointid"]!, r => new WebhookEndpoint(
                (Guid)r.Values["serviceendpointid"]!,
                (string)r.Values["url"]!,
                r.Values["authtype"] as int?,
                r.Values["authvalue"] as string));
        var loaded = new List<WebhookStep>();
        foreach (var step in ReadAll("sdkmessageprocessingstep"))
        {
            var values = step.Values;
            if (values["sdkmessageid"] is not Guid messageId || !messages.TryGetValue(messageId, out var message) || message is null
                || values["eventhandler_serviceendpoint"] is not Guid endpointId || !endpoints.TryGetValue(endpointId, out var endpoint))
            {
                continue;
            }

            var entity = values["sdkmessagefilterid"] is Guid filterId ? filters.GetValueOrDefault(filterId) : null;
            loaded.Add(new WebhookStep(
                (Guid)values["sdkmessageprocessingstepid"]!,
                values["name"] as string ?? string.Empty,
                message,
                entity,
                (int)(values["stage"] as long? ?? 40),
                (int)(values["rank"] as long? ?? 1),
                values["mode"] is not 1,
                (values["filteringattributes"] as string ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                step.CreatedBy,
                endpoint));
        }

        return loaded.OrderBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<StoredRow> ReadAll(string table) =>
        store.Query(new RowQuery(store.Schema.GetTable(table))).Rows;
}
