using System.Net.Http.Json;
using System.Text.Json;
using DualWrite.Connectors;
using DualWrite.Connectors.Auth;
using DualWrite.Environments.Hosting;

namespace DualWrite.Browser.Tests;

/// <summary>A person's application calling an environment's OData service over HTTP as one of its principals.</summary>
internal sealed class EnvironmentUser : IDisposable
{
    private readonly HttpClient http = new();
    private readonly ClientCredentialsTokenSource tokens;
    private readonly Uri serviceRoot;

    public EnvironmentUser(RunningEnvironment environment, string principal)
    {
        var credentials = environment.Credentials.Get(principal);
        serviceRoot = environment.ServiceRoot;
        tokens = new ClientCredentialsTokenSource(
            http,
            new EnvironmentAddress(environment.ServiceRoot, environment.TokenEndpoint, credentials.ClientId, credentials.ClientSecret, new Uri(environment.BaseAddress, ".default").ToString()),
            TimeProvider.System);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null);
        return await Answer(response);
    }

    /// <summary>Sends a change; the response says whether the environment (and dual-write within it) took it.</summary>
    public Task<HttpResponseMessage> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    /// <summary>Creates a row; the response says whether the environment (and dual-write within it) took it.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(serviceRoot, path));
        request.Headers.Authorization = new("Bearer", await tokens.GetTokenAsync(CancellationToken.None));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> Answer(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose()
    {
        tokens.Dispose();
        http.Dispose();
    }
}
