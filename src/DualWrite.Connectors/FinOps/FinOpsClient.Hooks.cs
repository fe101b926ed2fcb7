using System.Net.Http.Headers;
using System.Text.Json;

namespace DualWrite.Connectors.FinOps;

public sealed partial class FinOpsClient
{
    /// <summary>The sync hook admin API sits at the environment's root, beside the OData service rather than in it.</summary>
    private Uri HooksUrl => new(transport.Address.Root, "api/synchooks");

    /// <summary>
    /// Registers a sync hook: F&amp;O posts every transaction that changes one of <paramref name="entities"/> to
    /// <paramref name="url"/>, with <paramref name="secret"/>, before committing it. Writes made through this
    /// client's own principal do not fire it.
    /// </summary>
    /// <param name="entities">Entity names, or <c>*</c> for all.</param>
    /// <param name="url">The subscriber.</param>
    /// <param name="secret">Sent with each call so that the subscriber knows it comes from this environment; never logged.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The hook's id.</returns>
    public async Task<string> RegisterHookAsync(IReadOnlyList<string> entities, Uri url, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var what = $"Registering a sync hook for {string.Join(", ", entities)} at {url.GetLeftPart(UriPartial.Path)}";
        var body = RegistrationBody(entities, url, secret);
        string? id;
        try
        {
            // Not idempotent: sending it again after no answer could register the hook twice.
            using var response = await transport.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, HooksUrl) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    return request;
                },
                idempotent: false,
                cancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            id = IdOf(document.RootElement);
        }
        catch (ConnectorException e)
        {
            throw Failure(what, e);
        }
        catch (JsonException e)
        {
            throw new ConnectorException($"{what}: the answer is not JSON ({e.Message})", inner: e);
        }

        return id ?? throw new ConnectorException($"{what}: F&O answered without the hook's id.");
    }

    /// <summary>Removes a sync hook; one that is not there (any more) is not an error.</summary>
    public async Task RemoveHookAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var url = new Uri($"{HooksUrl.AbsoluteUri}/{Uri.EscapeDataString(id)}");
        try
        {
            using var response = await transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, url), idempotent: true, cancellationToken);
        }
        catch (ConnectorException e) when (e.Status == 404)
        {
            // Gone already, perhaps by an earlier try whose answer was lost: what was asked for holds.
        }
        catch (ConnectorException e)
        {
            throw Failure($"Removing the sync hook {id}", e);
        }
    }

    /// <summary>The sync hooks registered with F&amp;O, by any principal.</summary>
    public async Task<IReadOnlyList<FinOpsHook>> ListHooksAsync(CancellationToken cancellationToken)
    {
        const string What = "Listing the sync hooks";
        JsonDocument document;
        try
        {
            document = await transport.GetJsonAsync(HooksUrl.AbsoluteUri, null, cancellationToken);
        }
        catch (ConnectorException e)
        {
            throw Failure(What, e);
        }
        catch (JsonException e)
        {
            throw new ConnectorException($"{What}: the answer is not JSON ({e.Message})", inner: e);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select(HookOf).ToArray()
                : throw new ConnectorException($"{What}: F&O answered {document.RootElement.ValueKind} where a list was expected.");
        }
    }

    private static byte[] RegistrationBody(IReadOnlyList<string> entities, Uri url, string secret)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entities");
            foreach (var entity in entities)
            {
                writer.WriteStringValue(entity);
            }

            writer.WriteEndArray();
            writer.WriteString("url", url.AbsoluteUri);
            writer.WriteString("secret", secret);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static FinOpsHook HookOf(JsonElement hook)
    {
        var id = IdOf(hook) ?? throw new ConnectorException($"Listing the sync hooks: F&O listed a hook without an id: {hook.GetRawText()}");
        var entities = hook.TryGetProperty("entities", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToArray()
            : [];
        var url = hook.TryGetProperty("url", out var address) && Uri.TryCreate(address.GetString(), UriKind.Absolute, out var parsed)
            ? parsed
            : throw new ConnectorException($"Listing the sync hooks: F&O listed the hook {id} without a valid url.");
        return new FinOpsHook(id, entities, url);
    }

    private static string? IdOf(JsonElement hook) =>
        hook.ValueKind == JsonValueKind.Object && hook.TryGetProperty("id", out var id)
            ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()
            : null;
}
