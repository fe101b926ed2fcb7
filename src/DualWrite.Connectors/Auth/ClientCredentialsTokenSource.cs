using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace DualWrite.Connectors.Auth;

/// <summary>
/// Bearer tokens by the OAuth 2.0 client-credentials grant of the Microsoft identity platform (the emulated
/// environments answer the same request), kept until shortly before they expire.
/// </summary>
public sealed class ClientCredentialsTokenSource(HttpClient http, EnvironmentAddress address, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private DateTimeOffset expires;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (token is not null && time.GetUtcNow() < expires - RenewBefore)
        {
            return token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (token is null || time.GetUtcNow() >= expires - RenewBefore)
            {
                (token, expires) = await RequestAsync(cancellationToken);
            }

            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Forgets the token, so that the next call gets a new one (after the service refused it).</summary>
    public void Invalidate() => token = null;

    private async Task<(string, DateTimeOffset)> RequestAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = address.ClientId,
            ["client_secret"] = address.ClientSecret,
            ["scope"] = address.Scope,
        });
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(address.TokenEndpoint, form, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ConnectorException($"The token endpoint {address.TokenEndpoint} cannot be reached: {e.Message}", inner: e);
        }

        using (response)
        {
            TokenAnswer? answer = null;
            try
            {
                answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                // Reported below with the status, which says more than a parse error.
            }

            if (!response.IsSuccessStatusCode || answer?.AccessToken is null)
            {
                throw new ConnectorException(
                    $"No token for {address.ClientId} from {address.TokenEndpoint}: {(int)response.StatusCode} {answer?.Error} {answer?.ErrorDescription}".TrimEnd(),
                    (int)response.StatusCode,
                    answer?.Error);
            }

            return (answer.AccessToken, time.GetUtcNow().AddSeconds(answer.ExpiresIn ?? 3600));
        }
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
