using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DualWrite.Protocols.Batch;

/// <summary>
/// Reads <c>$batch</c> bodies (multipart/mixed, OData v4 as Dataverse and F&amp;O speak it) into requests
/// or responses. Dataverse caps a batch at 1,000 requests and F&amp;O at 5,000, hence the setting; the
/// cap is enforced while reading so an oversized batch is refused before it is all in memory.
/// </summary>
public sealed class BatchReader
{
    public const int DefaultMaxRequests = 1000;

    // Encodings that leave the bytes as they are; base64 and quoted-printable are not used by OData clients.
    private static readonly string[] IdentityEncodings = ["binary", "8bit", "7bit"];

    public BatchReader(int maxRequests = DefaultMaxRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequests, 1);
        MaxRequests = maxRequests;
    }

    public int MaxRequests { get; }

    public async Task<IReadOnlyList<BatchItem>> ReadRequestsAsync(
        Stream body, string contentType, CancellationToken cancellationToken = default) =>
        await ReadAsync<BatchRequest, BatchItem>(
            body,
            contentType,
            "requests",
            EmbeddedHttpParser.ParseRequest,
            request => new BatchSingle(request),
            requests => new BatchChangeSet(requests),
            cancellationToken);

    public async Task<IReadOnlyList<BatchResponseItem>> ReadResponsesAsync(
        Stream body, string contentType, CancellationToken cancellationToken = default) =>
        await ReadAsync<BatchResponse, BatchResponseItem>(
            body,
            contentType,
            "responses",
            EmbeddedHttpParser.ParseResponse,
            response => new BatchSingleResponse(response),
            responses => new BatchChangeSetResponse(responses),
            cancellationToken);

    private async Task<List<TItem>> ReadAsync<TMessage, TItem>(
        Stream body,
        string contentType,
        string noun,
        Func<byte[], string?, BatchPartPosition, TMessage> parse,
        Func<TMessage, TItem> single,
        Func<List<TMessage>, TItem> changeSet,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var boundary = BoundaryOf(contentType, "the batch", position: null);
        var reader = new MultipartReader(boundary, body);
        var items = new List<TItem>();
        var count = 0;
        for (var part = 1; ; part++)
        {
            var position = new BatchPartPosition(part);
            var section = await NextSectionAsync(reader, boundary, position, cancellationToken);
            if (section is null)
            {
                return items;
            }

            var changeSetBoundary = Classify(section, position, insideChangeSet: false);
            if (changeSetBoundary is null)
            {
                Count(ref count, noun, position);
                items.Add(single(await ParseSectionAsync(section, parse, position, cancellationToken)));
                continue;
            }

            var changeSetReader = new MultipartReader(changeSetBoundary, section.Body);
            var messages = new List<TMessage>();
            for (var changeSetPart = 1; ; changeSetPart++)
            {
                var innerPosition = new BatchPartPosition(part, changeSetPart);
                var inner = await NextSectionAsync(changeSetReader, changeSetBoundary, innerPosition, cancellationToken);
                if (inner is null)
                {
                    break;
                }

                Classify(inner, innerPosition, insideChangeSet: true);
                Count(ref count, noun, innerPosition);
                messages.Add(await ParseSectionAsync(inner, parse, innerPosition, cancellationToken));
            }

            items.Add(changeSet(messages));
        }
    }

    private void Count(ref int count, string noun, BatchPartPosition position)
    {
        if (++count > MaxRequests)
        {
            throw position.Error($"the batch holds more than {MaxRequests} {noun}");
        }
    }

    private static async Task<TMessage> ParseSectionAsync<TMessage>(
        MultipartSection section,
        Func<byte[], string?, BatchPartPosition, TMessage> parse,
        BatchPartPosition position,
        CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw position.Error("the part is not closed by a delimiter line before the body ends", innerException: e);
        }

        return parse(content, ContentIdOf(section), position);
    }

    private static async Task<MultipartSection?> NextSectionAsync(
        MultipartReader reader, string boundary, BatchPartPosition position, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException e)
        {
            // The reader fails this way both when the boundary never occurs and when the closing
            // delimiter is missing; which one it was depends on whether any part came before.
            var first = position.ChangeSetPart is null ? position.Part == 1 : position.ChangeSetPart == 1;
            throw first
                ? position.Error($"no delimiter line \"--{boundary}\" was found", innerException: e)
                : position.Error($"the body ends before the closing delimiter \"--{boundary}--\"", innerException: e);
        }
        catch (InvalidDataException e)
        {
            throw position.Error($"the MIME headers are malformed: {e.Message}", innerException: e);
        }
    }

    /// <summary>The change set's boundary when the part is a change set, null when it is one HTTP message.</summary>
    private static string? Classify(MultipartSection section, BatchPartPosition position, bool insideChangeSet)
    {
        var encoding = Header(section, "Content-Transfer-Encoding");
        if (encoding is not null && !IdentityEncodings.Contains(encoding.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw position.Error($"Content-Transfer-Encoding \"{encoding}\" is not supported: parts are binary");
        }

        var contentType = section.ContentType;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw position.Error("the part has no Content-Type: application/http was expected");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            throw position.Error($"the part's Content-Type \"{contentType}\" does not parse");
        }

        if (mediaType.MediaType.Equals("application/http", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (mediaType.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return insideChangeSet
                ? throw position.Error("change sets do not nest: a change set holds only application/http parts")
                : BoundaryOf(contentType, "the change set", position);
        }

        throw position.Error(insideChangeSet
            ? $"the part's Content-Type \"{contentType}\" is not application/http"
            : $"the part's Content-Type \"{contentType}\" is neither application/http nor a multipart/mixed change set");
    }

    private static string BoundaryOf(string contentType, string what, BatchPartPosition? position)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            throw Error($"{what}'s Content-Type \"{contentType}\" does not parse");
        }

        if (!mediaType.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            throw Error($"{what}'s Content-Type \"{contentType}\" is not multipart/mixed");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
        return StringSegment.IsNullOrEmpty(boundary)
            ? throw Error($"{what}'s Content-Type \"{contentType}\" has no boundary parameter")
            : boundary.ToString();

        BatchFormatException Error(string problem) =>
            position is { } p ? p.Error(problem) : new BatchFormatException(problem);
    }

    private static string? ContentIdOf(MultipartSection section) =>
        EmbeddedHttpParser.NullIfEmpty(Header(section, "Content-ID"));

    private static string? Header(MultipartSection section, string name)
    {
        if (section.Headers is null)
        {
            return null;
        }

        foreach (var (key, values) in section.Headers)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return values.ToString();
            }
        }

        return null;
    }
}
