namespace DualWrite.Protocols.Batch;

/// <summary>
/// One HTTP request carried inside a <c>$batch</c>. <see cref="Url"/> is kept exactly as written (absolute,
/// service-root relative, absolute-path or a <c>$n</c> Content-ID reference) because resolving it is the
/// service's business. <see cref="Headers"/> never holds Content-Length: <see cref="Body"/> is the length.
/// Equality compares headers and body by content, so a request survives a write-then-read as an equal value.
/// </summary>
public sealed record BatchRequest
{
    private readonly Dictionary<string, string> headers;

    public BatchRequest(
        string method,
        string url,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        string? contentId = null,
        byte[]? body = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        Method = method;
        Url = url;
        this.headers = BatchHeaders.Copy(headers);
        ContentId = contentId;
        Body = body ?? [];
    }

    public string Method { get; init; }

    public string Url { get; init; }

    public IReadOnlyDictionary<string, string> Headers
    {
        get => headers;
        init => headers = BatchHeaders.Copy(value);
    }

    public string? ContentId { get; init; }

    public byte[] Body { get; init; }

    public bool Equals(BatchRequest? other) =>
        other is not null
        && string.Equals(Method, other.Method, StringComparison.Ordinal)
        && string.Equals(Url, other.Url, StringComparison.Ordinal)
        && string.Equals(ContentId, other.ContentId, StringComparison.Ordinal)
        && BatchHeaders.AreEqual(headers, other.headers)
        && Body.AsSpan().SequenceEqual(other.Body);

    public override int GetHashCode() =>
        HashCode.Combine(
            StringComparer.Ordinal.GetHashCode(Method),
            StringComparer.Ordinal.GetHashCode(Url),
            ContentId is null ? 0 : StringComparer.Ordinal.GetHashCode(ContentId),
            headers.Count,
            Body.Length);
}
