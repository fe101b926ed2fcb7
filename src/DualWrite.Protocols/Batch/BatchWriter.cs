using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DualWrite.Protocols.Batch;

/// <summary>
/// Writes <c>$batch</c> bodies as multipart/mixed with CRLF line endings and binary parts. Boundaries are
/// fresh GUIDs each time so that no body can contain them by accident. Responses use the batchresponse_ and
/// changesetresponse_ prefixes so that they look like the answers of the services emulated.
/// Content-Length is always computed from the body, never taken from the headers given.
/// </summary>
public static class BatchWriter
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    public static byte[] WriteRequests(IEnumerable<BatchItem> items, out string contentType)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Write(
            items,
            "batch_",
            "changeset_",
            item => item switch
            {
                BatchSingle single => [single.Request],
                BatchChangeSet changeSet => changeSet.Requests,
                _ => throw new ArgumentException($"unknown batch item {item.GetType().Name}", nameof(items)),
            },
            item => item is BatchChangeSet,
            WriteRequest,
            out contentType);
    }

    public static byte[] WriteResponses(IEnumerable<BatchResponseItem> items, out string contentType)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Write(
            items,
            "batchresponse_",
            "changesetresponse_",
            item => item switch
            {
                BatchSingleResponse single => [single.Response],
                BatchChangeSetResponse changeSet => changeSet.Responses,
                _ => throw new ArgumentException($"unknown batch response item {item.GetType().Name}", nameof(items)),
            },
            item => item is BatchChangeSetResponse,
            WriteResponse,
            out contentType);
    }

    private static byte[] Write<TItem, TMessage>(
        IEnumerable<TItem> items,
        string batchPrefix,
        string changeSetPrefix,
        Func<TItem, IReadOnlyList<TMessage>> messagesOf,
        Func<TItem, bool> isChangeSet,
        Action<Stream, TMessage> writeMessage,
        out string contentType)
    {
        var boundary = NewBoundary(batchPrefix);
        using var output = new MemoryStream();
        foreach (var item in items)
        {
            var messages = messagesOf(item);
            if (!isChangeSet(item))
            {
                WriteLine(output, $"--{boundary}");
                writeMessage(output, messages[0]);
                continue;
            }

            var changeSetBoundary = NewBoundary(changeSetPrefix);
            WriteLine(output, $"--{boundary}");
            WriteLine(output, $"Content-Type: multipart/mixed; boundary={changeSetBoundary}");
            WriteLine(output, string.Empty);
            foreach (var message in messages)
            {
                WriteLine(output, $"--{changeSetBoundary}");
                writeMessage(output, message);
            }

            WriteLine(output, $"--{changeSetBoundary}--");
        }

        WriteLine(output, $"--{boundary}--");
        contentType = $"multipart/mixed; boundary={boundary}";
        return output.ToArray();
    }

    // Each message is written as the tail of a part whose delimiter line has already been written: the
    // caller writes "--boundary", this writes the MIME headers, the HTTP message and the CRLF that belongs
    // to the next delimiter.
    private static void WriteRequest(Stream output, BatchRequest request)
    {
        RequireOneLine(request.Method, "method");
        RequireOneLine(request.Url, "URL");
        if (request.Method.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"the method \"{request.Method}\" is not a single token", nameof(request));
        }

        WriteMessage(output, request.ContentId, $"{request.Method} {request.Url} HTTP/1.1", request.Headers, request.Body);
    }

    private static void WriteResponse(Stream output, BatchResponse response) =>
        WriteMessage(
            output,
            response.ContentId,
            string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.StatusCode} {ReasonPhrases.GetReasonPhrase(response.StatusCode)}"),
            response.Headers,
            response.Body);

    private static void WriteMessage(
        Stream output, string? contentId, string startLine, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        WriteLine(output, "Content-Type: application/http");
        WriteLine(output, "Content-Transfer-Encoding: binary");
        if (contentId is not null)
        {
            RequireOneLine(contentId, "Content-ID");
            WriteLine(output, $"Content-ID: {contentId}");
        }

        WriteLine(output, string.Empty);
        WriteLine(output, startLine);
        foreach (var (name, value) in headers)
        {
            if (name.Length == 0 || name.Any(c => c == ':' || char.IsWhiteSpace(c)))
            {
                throw new ArgumentException($"\"{name}\" is not a header name", nameof(headers));
            }

            RequireOneLine(value, name);
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                WriteLine(output, $"{name}: {value}");
            }
        }

        if (body.Length > 0)
        {
            WriteLine(output, string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}"));
        }

        WriteLine(output, string.Empty);
        output.Write(body);
        output.Write(CrLf);
    }

    private static string NewBoundary(string prefix) => $"{prefix}{Guid.NewGuid():D}";

    private static void WriteLine(Stream output, string text)
    {
        output.Write(Encoding.UTF8.GetBytes(text));
        output.Write(CrLf);
    }

    // A line break in any header-level text would let a value forge further headers or parts.
    private static void RequireOneLine(string text, string what)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"the {what} \"{text}\" holds a line break");
        }
    }
}
