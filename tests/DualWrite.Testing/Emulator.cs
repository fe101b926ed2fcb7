using DualWrite.Connectors;
using DualWrite.Connectors.Auth;
using DualWrite.Connectors.Http;
using DualWrite.Core.Schema;
using DualWrite.Environments.Faults;
using DualWrite.Environments.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Testing;

/// <summary>An emulated environment on a loopback port, and transports that call it as one of its principals.</summary>
public sealed class Emulator : IAsyncDisposable
{
    private readonly List<IDisposable> owned = [];

    private Emulator(RunningEnvironment running, string directory)
    {
        Running = running;
        Directory = directory;
    }

    public RunningEnvironment Running { get; }

    public string Directory { get; }

    public EnvironmentSchema Schema => EnvironmentSchemas.Load(Running.Options.Kind);

    public static async Task<Emulator> StartAsync(EnvironmentKind kind, bool demo = false, Func<EnvironmentOptions, EnvironmentOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "dualwrite-connector-tests", Guid.NewGuid().ToString("N"));
        var options = new EnvironmentOptions { Kind = kind, DataDirectory = directory, Demo = demo, HookTimeout = TimeSpan.FromSeconds(5) };
        return new Emulator(await EnvironmentHost.StartAsync(configure?.Invoke(options) ?? options), directory);
    }

    /// <summary>Where the environment is and how the named principal signs in.</summary>
    public EnvironmentAddress Address(string principal = "dualwrite", string? secret = null)
    {
        var p = Running.Credentials.Get(principal);
        return new EnvironmentAddress(Running.ServiceRoot, Running.TokenEndpoint, p.ClientId, secret ?? p.ClientSecret, new Uri(Running.BaseAddress, ".default").ToString());
    }

    /// <summary>A transport as the named principal, with short waits so that retries do not slow the tests.</summary>
    public ODataTransport Transport(string principal = "dualwrite", RetryPolicy? policy = null, string? secret = null)
    {
        var http = new HttpClient();
        var address = Address(principal, secret);
        var tokens = new ClientCredentialsTokenSource(http, address, TimeProvider.System);
        owned.Add(http);
        owned.Add(tokens);
        return new ODataTransport(http, address, tokens, policy ?? new RetryPolicy(MaxDelay: TimeSpan.FromMilliseconds(50), NetworkBackoff: TimeSpan.FromMilliseconds(10)), TimeProvider.System, NullLogger.Instance);
    }

    public async Task SetFaultsAsync(FaultSettings faults)
    {
        using var http = new HttpClient();
        var tokens = new ClientCredentialsTokenSource(http, Address("admin"), TimeProvider.System);
        using (tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Running.BaseAddress, "_emulator/faults"))
            {
                Content = System.Net.Http.Json.JsonContent.Create(faults),
            };
            request.Headers.Authorization = new("Bearer", await tokens.GetTokenAsync(CancellationToken.None));
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }

        await Running.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A database file a closing connection still holds; the temporary folder is cleared in time anyway.
        }
    }
}
