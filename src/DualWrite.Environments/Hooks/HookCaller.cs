using System.Net.Http.Headers;
using System.Text.Json;
using DualWrite.Environments.OData;

namespace DualWrite.Environments.Hooks;

/// <summary>
/// Posts a transaction's changes to a subscriber and waits for its verdict. Anything but a 2xx answer in time
/// is a refusal that rolls the caller's transaction back, with the subscriber's own words where it gave any.
/// </summary>
internal sealed class HookCaller(HttpClient http, TimeProvider time, TimeSpan timeout)
{
    private const int MaxMessageLength = 2000;

    public TimeSpan Timeout => timeout;

    /// <param name="url">The subscriber.</param>
    /// <param name="headers">Headers to send, the subscriber's secret among them.</param>
    /// <param name="body">The JSON body.</param>
    /// <param name="errorCode">The environment's error code for a refused write.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task CallAsync(string url, IReadOnlyDictionary<string, string> headers, byte[] body, string errorCode, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ODataException(504, errorCode, $"The subscriber at {Describe(url)} did not answer within {timeout.TotalSeconds:0.#} seconds; the transaction was rolled back.");
        }
        catch (HttpRequestException e)
        {
            throw new ODataException(502, errorCode, $"The subscriber at {Describe(url)} could not be reached ({e.HttpRequestError}: {e.Message}); the transaction was rolled back.");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var text = await response.Content.ReadAsStringAsync(linked.Token);
            var message = MessageOf(text) ?? $"the subscriber at {Describe(url)} answered {(int)response.StatusCode} {response.ReasonPhrase}";
            throw new ODataException(400, errorCode, message);
        }
    }

    /// <summary>The address without its query string, which may carry a key.</summary>
    private static string Describe(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : url;

    /// <summary>The subscriber's message: OData or problem-details JSON, or else its plain text.</summary>
    private static string? MessageOf(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m))
                {
                    return Limit(m.GetString());
                }

                foreach (var name in (string[])["message", "detail", "title"])
                {
                    if (root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String)
                    {
                        return Limit(p.GetString());
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the message.
        }

        return Limit(text.Trim());
    }

    private static string? Limit(string? text) => text is null || text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
}
