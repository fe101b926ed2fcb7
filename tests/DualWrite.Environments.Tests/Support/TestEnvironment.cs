using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DualWrite.Environments.Faults;
using DualWrite.Environments.Hosting;

namespace DualWrite.Environments.Tests.Support;

/// <summary>A real environment on a loopback port with its own temporary data folder.</summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    private readonly Dictionary<string, string> tokens = [];

    private TestEnvironment(RunningEnvironment running, string directory)
    {
        Running = running;
        Directory = directory;
    }

    public RunningEnvironment Running { get; }

    public string Directory { get; }

    public Uri ServiceRoot => Running.ServiceRoot;

    public static async Task<TestEnvironment> StartAsync(EnvironmentKind kind, Func<EnvironmentOptions, EnvironmentOptions>? configure = null, string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "dualwrite-tests", Guid.NewGuid().ToString("N"));
        var options = new EnvironmentOptions { Kind = kind, DataDirectory = directory, HookTimeout = TimeSpan.FromSeconds(5) };
        var running = await EnvironmentHost.StartAsync(configure?.Invoke(options) ?? options);
        return new TestEnvironment(running, directory);
    }

    /// <summary>A client that acts as the named principal, with a token bought at the token endpoint.</summary>
    public async Task<HttpClient> ClientAsync(string principal = "app")
    {
        if (!tokens.TryGetValue(principal, out var token))
        {
            token = await TokenAsync(principal);
            tokens[principal] = token;
        }

        var client = new HttpClient { BaseAddress = ServiceRoot };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AnonymousClient() => new() { BaseAddress = ServiceRoot };

    public async Task<string> TokenAsync(string principal)
    {
        var p = Running.Credentials.Get(principal);
        using var http = new HttpClient();
        using var response = await http.PostAsync(Running.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = p.ClientId,
            ["client_secret"] = p.ClientSecret,
            ["scope"] = new Uri(Running.BaseAddress, ".default").ToString(),
        }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task SetFaultsAsync(FaultSettings faults)
    {
        using var admin = await ClientAsync("admin");
        using var response = await admin.PutAsJsonAsync(new Uri(Running.BaseAddress, "_emulator/faults"), faults);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Running.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing connection; the temp folder is cleaned by the OS in time.
        }
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
