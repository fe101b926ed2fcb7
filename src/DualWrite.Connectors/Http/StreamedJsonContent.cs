using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DualWrite.Connectors.Http;

/// <summary>
/// A JSON request body written to the connection in pieces as it is sent, rather than built whole first: the body
/// of hundreds of rows is most of a megabyte, which as one array is a large object made and dropped per request,
/// several at once with batches in flight. It is sent chunked, its length unknown beforehand.
/// </summary>
/// <param name="write">
/// Writes the body; it awaits the function it is given between parts (rows), where what is written so far may go out.
/// </param>
internal sealed class StreamedJsonContent : HttpContent
{
    /// <summary>How much is written before it goes out: a few rows, small enough never to be a large object.</summary>
    private const int SendAt = 16 * 1024;

    private readonly Func<Utf8JsonWriter, Func<ValueTask>, Task> write;

    public StreamedJsonContent(Func<Utf8JsonWriter, Func<ValueTask>, Task> write)
    {
        this.write = write;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var writer = new Utf8JsonWriter(stream);
        await write(writer, async () =>
        {
            if (writer.BytesPending >= SendAt)
            {
                await writer.FlushAsync();
            }
        });
        await writer.FlushAsync();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
