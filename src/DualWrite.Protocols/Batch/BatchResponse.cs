namespace DualWrite.Protocols.Batch;

/// <summary>
/// One HTTP response carried inside a <c>$batch</c> response. The reason phrase is not kept: it is derived
/// from <see cref="StatusCode"/> when written. <see cref="Headers"/> never holds Content-Length, and equality
/// compares headers and body by content, as for <see cref="BatchRequest"/>.
/// </summary>
public sealed record BatchResponse
{
    private readonly Dictionary<string, string> headers;

    public BatchResponse(
        int statusCode,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        string? contentId = null,
        byte[]? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        StatusCode = statusCode;
        this.headers = BatchHeaders.Copy(headers);
        ContentId = contentId;
        Body = body ?? [];
    }

    public int StatusCode { get; init; }

    public IReadOnlyDictionary<string, string> Headers
    {
        get => headers;
        init => headers = BatchHeaders.Copy(value);
    }

    public string? ContentId { get; init; }

    public byte[] Body { get; init; }

    public bool Equals(BatchResponse? other) =>
        other is not null
        && StatusCode == other.StatusCode
        && string.Equals(ContentId, other.ContentId, StringComparison.Ordinal)
        && BatchHeaders.AreEqual(headers, other.headers)
        && Body.AsSpan().SequenceEqual(other.Body);

    public override int GetHashCode() =>
        HashCode.Combine(
            StatusCode,
            ContentId is null ? 0 : StringComparer.Ordinal.GetHashCode(ContentId),
            headers.Count,
            Body.Length);
}
