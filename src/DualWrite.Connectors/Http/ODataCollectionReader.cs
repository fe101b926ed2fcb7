using System.Buffers;
using System.Text.Json;

namespace DualWrite.Connectors.Http;

/// <summary>
/// An OData collection answer (<c>{"value": [...], "@odata.nextLink": "..."}</c>) read entity by entity as it
/// arrives. A page of thousands of wide rows is tens of megabytes of JSON: parsed whole, it takes buffers of that
/// size from the shared array pool, which keeps them for good, and holds every row of the page at once. Here only
/// the bytes of the entity being read are held, in a buffer that grows only to the largest single entity.
/// </summary>
internal sealed class ODataCollectionReader : IAsyncDisposable
{
    private const int FirstBufferSize = 64 * 1024;

    private readonly HttpResponseMessage response;
    private readonly Stream stream;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
    private int start;
    private int end;
    private bool streamEnded;
    private JsonReaderState state;
    private Place place = Place.BeforeRoot;
    private bool sawValue;

    private ODataCollectionReader(HttpResponseMessage response, Stream stream)
    {
        this.response = response;
        this.stream = stream;
    }

    private enum Place
    {
        BeforeRoot,
        InRoot,
        InValue,
        Done,
    }

    /// <summary>The link to the next page; known once every entity has been read, since it may follow them.</summary>
    public string? NextLink { get; private set; }

    /// <summary>Reads the answer <paramref name="response"/> carries, and disposes of it when disposed.</summary>
    /// <param name="response">A successful answer with a JSON body.</param>
    /// <param name="cancellationToken">Stops the reading of the body.</param>
    public static async Task<ODataCollectionReader> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return new ODataCollectionReader(response, await response.Content.ReadAsStreamAsync(cancellationToken));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The next entity of the collection, or null after the last one.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    /// <exception cref="ConnectorException">The body is JSON but not an OData collection.</exception>
    public async Task<JsonDocument?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryNext(out var entity))
            {
                return entity;
            }

            if (place == Place.Done)
            {
                return null;
            }

            if (streamEnded)
            {
                throw new JsonException("the answer ends in the middle of its JSON");
            }

            await FillAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        response.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Moves what is not read yet to the front of the buffer, grows it when it is full of one entity, and reads more.</summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, larger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
        end += read;
        streamEnded = read == 0;
    }

    /// <summary>
    /// Reads on from where the last call stopped, as far as the bytes at hand go: true with the next entity when it
    /// is there whole; false when more bytes are needed or the collection has ended.
    /// </summary>
    private bool TryNext(out JsonDocument? entity)
    {
        entity = null;
        var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), streamEnded, state);
        try
        {
            while (place != Place.Done)
            {
                // Where to come back to when a token or an entity is not whole yet.
                var mark = reader;
                if (!reader.Read())
                {
                    reader = mark;
                    return false;
                }

                switch (place, reader.TokenType)
                {
                    case (Place.BeforeRoot, JsonTokenType.StartObject):
                        place = Place.InRoot;
                        break;
                    case (Place.BeforeRoot, _):
                        throw NotACollection();
                    case (Place.InRoot, JsonTokenType.EndObject):
                        place = sawValue ? Place.Done : throw NotACollection();
                        break;
                    case (Place.InRoot, JsonTokenType.PropertyName) when reader.ValueTextEquals("value"u8):
                        if (!reader.Read())
                        {
                            reader = mark;
                            return false;
                        }

                        place = reader.TokenType == JsonTokenType.StartArray ? Place.InValue : throw NotACollection();
                        sawValue = true;
                        break;
                    case (Place.InRoot, JsonTokenType.PropertyName) when reader.ValueTextEquals("@odata.nextLink"u8):
                        if (!reader.Read())
                        {
                            reader = mark;
                            return false;
                        }

                        NextLink = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case (Place.InRoot, JsonTokenType.PropertyName):
                        // Annotations such as @odata.context: their values are not needed.
                        if (!reader.TrySkip())
                        {
                            reader = mark;
                            return false;
                        }

                        break;
                    case (Place.InValue, JsonTokenType.EndArray):
                        place = Place.InRoot;
                        break;
                    case (Place.InValue, _):
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            reader = mark;
                            return false;
                        }

                        entity = JsonDocument.ParseValue(ref reader);
                        return true;
                    default:
                        throw NotACollection();
                }
            }

            return false;
        }
        finally
        {
            start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
        }
    }

    private static ConnectorException NotACollection() => new("the answer is not an OData collection (it has no \"value\" array)");
}
