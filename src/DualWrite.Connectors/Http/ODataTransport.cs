using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DualWrite.Connectors.Auth;
using Microsoft.Extensions.Logging;

namespace DualWrite.Connectors.Http;

/// <summary>
/// Sends requests to one environment as the runtime's application user: a bearer token on each, a new token
/// once when the service refuses the old one, and, on 429 or 503, a wait for the <c>Retry-After</c> the service
/// gives before trying again, a bounded number of times, each logged and counted.
/// </summary>
public sealed class ODataTransport(HttpClient http, EnvironmentAddress address, ClientCredentialsTokenSource tokens, RetryPolicy policy, TimeProvider time, ILogger logger)
{
    public EnvironmentAddress Address => address;

    public ConnectorStatistics Statistics { get; } = new();

    /// <summary>Sends until an answer other than throttling comes; a 2xx answer is returned, anything else thrown.</summary>
    /// <param name="create">Makes the request afresh for each try (a request message cannot be sent twice).</param>
    /// <param name="idempotent">Whether sending it twice is harmless, so that it may be sent again after no answer.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <param name="notFoundIsAnswer">Whether 404 is an answer (the row is not there) rather than a failure.</param>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, bool idempotent, CancellationToken cancellationToken, bool notFoundIsAnswer = false)
    {
        var refreshed = false;
        var backoff = policy.FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
            var what = $"{request.Method} {request.RequestUri}";
            Statistics.Request();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e) when (idempotent && attempt < policy.MaxAttempts)
            {
                ConnectorLog.NoAnswer(logger, request.Method.Method, Path(request), e.Message, attempt + 1, policy.MaxAttempts, backoff);
                Statistics.Retry();
                await Task.Delay(backoff, time, cancellationToken);
                backoff = Min(backoff * 2, policy.MaxWait);
                continue;
            }
            catch (HttpRequestException e)
            {
                Statistics.Fail();
                ConnectorLog.Failed(logger, request.Method.Method, Path(request), e.Message);
                throw new ConnectorException($"{what}: no answer from {address.Root} ({e.Message})", inner: e);
            }

            if (response.IsSuccessStatusCode || (notFoundIsAnswer && response.StatusCode == HttpStatusCode.NotFound))
            {
                return response;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed)
            {
                refreshed = true;
                tokens.Invalidate();
                response.Dispose();
                continue;
            }

            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < policy.MaxAttempts)
            {
                var delay = Min(RetryAfter(response) ?? backoff, policy.MaxWait);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Statistics.Throttle();
                }

                Statistics.Retry();
                ConnectorLog.Throttled(logger, request.Method.Method, Path(request), (int)response.StatusCode, attempt + 1, policy.MaxAttempts, delay);
                response.Dispose();
                await Task.Delay(delay, time, cancellationToken);
                backoff = Min(backoff * 2, policy.MaxWait);
                continue;
            }

            using (response)
            {
                var (code, message) = await ErrorOfAsync(response, cancellationToken);
                Statistics.Fail();
                ConnectorLog.Failed(logger, request.Method.Method, Path(request), message);
                throw new ConnectorException($"{what}: {(int)response.StatusCode} {message}", (int)response.StatusCode, code);
            }
        }
    }

    /// <summary>GETs a JSON document (a page, a row, metadata).</summary>
    public async Task<JsonDocument> GetJsonAsync(string relativeUrl, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken) =>
        await ReadJsonAsync(relativeUrl, headers, notFoundIsAnswer: false, cancellationToken)
            ?? throw new InvalidOperationException("a 404 came back as an answer although it was not asked for");

    /// <summary>GETs a JSON document, or null when the service says there is no such resource (404).</summary>
    public Task<JsonDocument?> GetJsonOrNullAsync(string relativeUrl, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken) =>
        ReadJsonAsync(relativeUrl, headers, notFoundIsAnswer: true, cancellationToken);

    /// <summary>
    /// GETs a page of a collection, to be read entity by entity as it arrives rather than held whole; the reader
    /// owns the answer, and the connection stays busy until it is disposed.
    /// </summary>
    /// <param name="relativeUrl">The page's URL, below the service root or absolute (a next link).</param>
    /// <param name="headers">More request headers (<c>Prefer</c>).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    internal async Task<ODataCollectionReader> GetCollectionAsync(string relativeUrl, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken) =>
        await ODataCollectionReader.OpenAsync(await GetAsync(relativeUrl, headers, notFoundIsAnswer: false, cancellationToken), cancellationToken);

    private async Task<JsonDocument?> ReadJsonAsync(string relativeUrl, IReadOnlyDictionary<string, string>? headers, bool notFoundIsAnswer, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(relativeUrl, headers, notFoundIsAnswer, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    private Task<HttpResponseMessage> GetAsync(string relativeUrl, IReadOnlyDictionary<string, string>? headers, bool notFoundIsAnswer, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, Absolute(relativeUrl));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                return request;
            },
            idempotent: true,
            cancellationToken,
            notFoundIsAnswer);

    /// <summary>A URL below the service root, or an absolute one (a next link) as it is.</summary>
    public Uri Absolute(string url) => Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
        ? absolute
        : new Uri(address.ServiceRoot, url);

    /// <summary>The service's own words for a failure: the OData error message, or the start of the body.</summary>
    public static async Task<(string? Code, string Message)> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (error.TryGetProperty("code", out var code) ? code.GetString() : null,
                        error.TryGetProperty("message", out var message) ? message.GetString() ?? text : text);
            }
        }
        catch (JsonException)
        {
            // Not OData JSON: the text itself says what happened.
        }

        return (null, string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? "no message" : text.Length > 500 ? text[..500] + "…" : text);
    }

    private static string Path(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? string.Empty;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
