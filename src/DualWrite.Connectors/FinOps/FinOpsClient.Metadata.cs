using System.Net.Http.Headers;
using System.Xml;

namespace DualWrite.Connectors.FinOps;

public sealed partial class FinOpsClient
{
    /// <summary>
    /// The key of an entity as F&amp;O's <c>$metadata</c> declares it, in order: what the environment itself says,
    /// whatever the schema at hand assumes.
    /// </summary>
    /// <param name="entity">The entity set (<c>CustomersV3</c>) or the entity type's name.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <exception cref="ConnectorException">The metadata cannot be read, or declares no such entity or no key for it.</exception>
    public async Task<IReadOnlyList<string>> ReadEntityKeyAsync(string entity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        var what = $"Reading the key of {entity} from $metadata";
        var url = transport.Absolute("$metadata");
        IReadOnlyList<string>? key;
        try
        {
            using var response = await transport.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
                    return request;
                },
                idempotent: true,
                cancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            key = await CsdlEntityKeys.FindAsync(stream, entity, cancellationToken);
        }
        catch (ConnectorException e)
        {
            throw Failure(what, e);
        }
        catch (XmlException e)
        {
            throw new ConnectorException($"{what}: the metadata is not well-formed XML ({e.Message})", inner: e);
        }

        return key ?? throw new ConnectorException($"{what}: F&O's metadata declares no entity '{entity}' with a key.");
    }
}
