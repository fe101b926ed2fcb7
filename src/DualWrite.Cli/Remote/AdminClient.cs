using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

/// <summary>
/// A client of the runtime's admin API (<c>docs/api.md</c>) as one of its users. A refusal becomes an
/// <see cref="AdminApiException"/> with the problem's detail; a runtime that does not answer a
/// <see cref="RuntimeUnreachableException"/>.
/// </summary>
internal sealed partial class AdminClient : IDisposable
{
    /// <summary>How long an answer is waited for, unless a call says otherwise.</summary>
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(100);

    private readonly HttpClient http;

    public AdminClient(Uri runtime, string token)
    {
        // Paths are relative to the runtime's address, which must end in a slash for them to stay below it.
        Runtime = runtime.AbsoluteUri.EndsWith('/') ? runtime : new Uri(runtime.AbsoluteUri + "/");
        // Each call sets its own wait: most answer at once, a comparison of millions of rows takes minutes.
        http = new HttpClient { BaseAddress = Runtime, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri Runtime { get; }

    public void Dispose() => http.Dispose();

    /// <summary>A path segment for a name such as <c>Customers V3 (accounts)</c>.</summary>
    private static string Segment(string name) => Uri.EscapeDataString(name);

    private async Task<ApiReply<T>> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await ReadAsync(request, type, cancellationToken);
    }

    /// <param name="wait">How long to wait for the answer; <see cref="AnswerWait"/> when null.</param>
    private async Task<ApiReply<TOut>> SendAsync<TIn, TOut>(HttpMethod method, string path, TIn body, JsonTypeInfo<TIn> bodyType, JsonTypeInfo<TOut> type, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, bodyType), Encoding.UTF8, "application/json"),
        };
        return await ReadAsync(request, type, cancellationToken, wait);
    }

    /// <param name="json">JSON the user wrote, sent as it is rather than read and written again.</param>
    private async Task<ApiReply<TOut>> SendTextAsync<TOut>(HttpMethod method, string path, string json, JsonTypeInfo<TOut> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await ReadAsync(request, type, cancellationToken);
    }

    /// <summary>Writes what <paramref name="path"/> answers to <paramref name="destination"/>, as it arrives.</summary>
    private async Task DownloadAsync(string path, string destination, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken);
        await using var file = File.Create(destination);
        await response.Content.CopyToAsync(file, cancellationToken);
    }

    private async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<ApiReply<T>> ReadAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        using var response = await SendAsync(request, cancellationToken, wait);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
            var json = document.RootElement.Clone();
            var value = json.Deserialize(type)
                ?? throw new AdminApiException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} with no body where one was expected.");
            return new ApiReply<T>(value, json);
        }
        catch (JsonException e)
        {
            throw new AdminApiException($"{request.Method} {request.RequestUri} answered with a body this version of dualwrite cannot read: {e.Message}", e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        HttpResponseMessage response;
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answered.CancelAfter(wait ?? AnswerWait);
        try
        {
            response = await http.SendAsync(request, answered.Token);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException || e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new RuntimeUnreachableException(
                $"The runtime at {Runtime} does not answer; start it with `dualwrite up` or `dualwrite serve`.", e);
        }
        catch (HttpRequestException e)
        {
            throw new RuntimeUnreachableException($"The runtime at {Runtime} broke off the call: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RuntimeUnreachableException($"The runtime at {Runtime} did not answer within {(wait ?? AnswerWait).TotalSeconds:0} seconds.", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new AdminApiException(response.StatusCode, await ProblemOfAsync(response, cancellationToken));
        }
    }

    private static async Task<Problem> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var fallback = new Problem(null, response.ReasonPhrase, (int)response.StatusCode, DetailWithoutBody(response.StatusCode, text), null);
        if (text.Length == 0)
        {
            return fallback;
        }

        try
        {
            return JsonSerializer.Deserialize(text, AdminJson.Default.Problem) ?? fallback;
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, say): the text itself is the best detail there is.
            return fallback;
        }
    }

    private static string? DetailWithoutBody(HttpStatusCode status, string text) => status switch
    {
        HttpStatusCode.Unauthorized => "The runtime does not know this token; pass --token, or use the data folder of the runtime you mean with --data.",
        _ when text.Length > 0 => text.Length > 500 ? text[..500] : text,
        _ => null,
    };
}
