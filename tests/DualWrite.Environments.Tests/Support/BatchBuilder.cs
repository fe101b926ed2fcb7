using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DualWrite.Protocols.Batch;

namespace DualWrite.Environments.Tests.Support;

/// <summary>Sends a <c>$batch</c> built with the product's own multipart writer and reads the answer back.</summary>
internal static class BatchBuilder
{
    public static BatchRequest Post(string url, object body, string? contentId = null) =>
        new("POST", url, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, contentId, JsonSerializer.SerializeToUtf8Bytes(body));

    public static BatchRequest Patch(string url, object body, string? contentId = null) =>
        new("PATCH", url, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, contentId, JsonSerializer.SerializeToUtf8Bytes(body));

    public static BatchRequest Get(string url) => new("GET", url);

    public static async Task<(HttpResponseMessage Response, IReadOnlyList<BatchResponseItem> Items)> SendAsync(
        HttpClient client, IEnumerable<BatchItem> items, string? prefer = null)
    {
        var body = BatchWriter.WriteRequests(items, out var contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "$batch") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        var response = await client.SendAsync(request);
        var responseType = response.Content.Headers.ContentType?.ToString() ?? string.Empty;
        if (!responseType.StartsWith("multipart/mixed", StringComparison.Ordinal))
        {
            return (response, []);
        }

        var parsed = await new BatchReader(5_000).ReadResponsesAsync(await response.Content.ReadAsStreamAsync(), responseType);
        return (response, parsed);
    }

    public static string Text(BatchResponse response) => Encoding.UTF8.GetString(response.Body);
}
