using System.Text;
using DualWrite.Protocols.Batch;

namespace DualWrite.Protocols.Tests.Batch;

/// <summary>Helpers for batch bodies written by hand in tests, whose source lines end in LF only.</summary>
internal static class BatchText
{
    public static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public static async Task<IReadOnlyList<BatchItem>> ReadRequestsAsync(string text, string contentType, BatchReader? reader = null)
    {
        using var stream = new MemoryStream(Crlf(text));
        return await (reader ?? new BatchReader()).ReadRequestsAsync(stream, contentType);
    }

    public static async Task<IReadOnlyList<BatchResponseItem>> ReadResponsesAsync(string text, string contentType)
    {
        using var stream = new MemoryStream(Crlf(text));
        return await new BatchReader().ReadResponsesAsync(stream, contentType);
    }

    public static async Task<IReadOnlyList<BatchItem>> RoundTripAsync(IEnumerable<BatchItem> items, BatchReader? reader = null)
    {
        var bytes = BatchWriter.WriteRequests(items, out var contentType);
        using var stream = new MemoryStream(bytes);
        return await (reader ?? new BatchReader()).ReadRequestsAsync(stream, contentType);
    }

    public static async Task<IReadOnlyList<BatchResponseItem>> RoundTripAsync(IEnumerable<BatchResponseItem> items)
    {
        var bytes = BatchWriter.WriteResponses(items, out var contentType);
        using var stream = new MemoryStream(bytes);
        return await new BatchReader().ReadResponsesAsync(stream, contentType);
    }
}
