using System.Globalization;
using System.Text;

namespace DualWrite.Protocols.Batch;

/// <summary>
/// Reads the HTTP message inside an application/http part. Line endings may be CRLF or a bare LF, because
/// hand-written batches are common; header text is UTF-8, because URLs with unescaped non-ASCII key values
/// occur in practice and the writer emits them so.
/// </summary>
internal static class EmbeddedHttpParser
{
    private const string ContentLength = "Content-Length";

    public static BatchRequest ParseRequest(byte[] content, string? mimeContentId, BatchPartPosition position)
    {
        var message = Parse(content, position);
        var line = message.StartLine;
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var lastSpace = line.LastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace == firstSpace)
        {
            throw position.Error($"the request line \"{line}\" is not \"METHOD URL HTTP/1.1\"", message.StartLineNumber);
        }

        var method = line[..firstSpace];
        var url = line[(firstSpace + 1)..lastSpace].Trim();
        var version = line[(lastSpace + 1)..];
        if (!method.All(char.IsAsciiLetter))
        {
            throw position.Error($"the request line \"{line}\" has no method: \"{method}\" is not one", message.StartLineNumber);
        }

        if (url.Length == 0)
        {
            throw position.Error($"the request line \"{line}\" has no URL", message.StartLineNumber);
        }

        if (!IsHttpVersion(version))
        {
            throw position.Error($"the request line \"{line}\" does not end in an HTTP version such as HTTP/1.1", message.StartLineNumber);
        }

        // A Content-ID among the request's own headers is accepted for clients that put it there; it
        // is moved out so that writing the request again puts it where OData expects it.
        var innerContentId = message.Headers.Remove("Content-ID", out var value) ? NullIfEmpty(value) : null;
        return new BatchRequest(method, url, message.Headers, mimeContentId ?? innerContentId, message.Body);
    }

    public static BatchResponse ParseResponse(byte[] content, string? mimeContentId, BatchPartPosition position)
    {
        var message = Parse(content, position);
        var line = message.StartLine;
        var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
        var version = firstSpace < 0 ? line : line[..firstSpace];
        var rest = firstSpace < 0 ? string.Empty : line[(firstSpace + 1)..];
        var codeEnd = rest.IndexOf(' ', StringComparison.Ordinal);
        var code = codeEnd < 0 ? rest : rest[..codeEnd];
        if (!IsHttpVersion(version)
            || code.Length != 3
            || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode)
            || statusCode < 100)
        {
            throw position.Error($"the status line \"{line}\" is not \"HTTP/1.1 CODE REASON\"", message.StartLineNumber);
        }

        var innerContentId = message.Headers.Remove("Content-ID", out var value) ? NullIfEmpty(value) : null;
        return new BatchResponse(statusCode, message.Headers, mimeContentId ?? innerContentId, message.Body);
    }

    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsHttpVersion(string text) =>
        text.StartsWith("HTTP/", StringComparison.Ordinal) && text.Length > "HTTP/".Length;

    private static EmbeddedHttpMessage Parse(byte[] content, BatchPartPosition position)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? startLine = null;
        var startLineNumber = 0;
        string? lastHeader = null;
        int? contentLengthLine = null;
        var lineNumber = 0;
        var offset = 0;
        while (offset < content.Length)
        {
            var newline = content.AsSpan(offset).IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? content.Length : offset + newline;
            var textEnd = lineEnd > offset && content[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
            var line = Encoding.UTF8.GetString(content, offset, textEnd - offset);
            offset = newline < 0 ? content.Length : lineEnd + 1;
            lineNumber++;

            if (startLine is null)
            {
                // Blank lines before the start line are what some writers leave after the MIME headers.
                if (line.Length > 0)
                {
                    startLine = line;
                    startLineNumber = lineNumber;
                }

                continue;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line[0] is ' ' or '\t')
            {
                // Obsolete line folding: still seen from older clients, and harmless to accept.
                if (lastHeader is null)
                {
                    throw position.Error($"the line \"{line}\" continues a header but follows none", lineNumber);
                }

                headers[lastHeader] = $"{headers[lastHeader]} {line.Trim()}";
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? string.Empty : line[..colon];
            if (colon <= 0 || name.Any(char.IsWhiteSpace))
            {
                throw position.Error($"the header line \"{line}\" is not \"Name: value\"", lineNumber);
            }

            var headerValue = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {headerValue}" : headerValue;
            lastHeader = name;
            if (string.Equals(name, ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                contentLengthLine = lineNumber;
            }
        }

        if (startLine is null)
        {
            throw position.Error("the part holds no HTTP message");
        }

        ReadOnlySpan<byte> body = content.AsSpan(offset);
        if (headers.Remove(ContentLength, out var declared))
        {
            body = Bounded(body, declared, position, contentLengthLine);
        }
        else
        {
            // Without a length the part's end is the body's end; the blank line that writers put before
            // the next delimiter is not part of it.
            body = body.TrimEnd("\r\n"u8);
        }

        return new EmbeddedHttpMessage(startLine, startLineNumber, headers, body.ToArray());
    }

    private static ReadOnlySpan<byte> Bounded(ReadOnlySpan<byte> body, string declared, BatchPartPosition position, int? line)
    {
        if (!int.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw position.Error($"Content-Length \"{declared}\" is not a number of bytes", line);
        }

        if (length > body.Length)
        {
            throw position.Error($"Content-Length is {length} but the body has only {body.Length} bytes", line);
        }

        if (body[length..].TrimEnd("\r\n"u8).Length > 0)
        {
            throw position.Error($"Content-Length is {length} but the body has {body.TrimEnd("\r\n"u8).Length} bytes", line);
        }

        return body[..length];
    }
}
