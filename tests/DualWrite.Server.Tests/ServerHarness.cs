using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Server.Hosting;
using DualWrite.Testing;
using Microsoft.Data.Sqlite;

namespace DualWrite.Server.Tests;

/// <summary>
/// An F&amp;O with its demo companies, an empty Dataverse, and the runtime serving on a loopback port, linked to both
/// for usmf with its hooks pointing at it; and clients that act on both sides as their administrators, as users do.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private readonly string directory;
    private readonly ServerOptions options;
    private readonly List<HttpClient> clients = [];

    private ServerHarness(Emulator finOps, Emulator dataverse, RunningServer server, ServerOptions options, string directory)
    {
        this.options = options;
        FinOpsEmulator = finOps;
        DataverseEmulator = dataverse;
        Server = server;
        this.directory = directory;
        FinOps = new FinOpsClient(finOps.Transport("admin"), finOps.Schema);
        Dataverse = new DataverseClient(dataverse.Transport("admin"), dataverse.Schema);
    }

    public Emulator FinOpsEmulator { get; }

    public Emulator DataverseEmulator { get; }

    public RunningServer Server { get; private set; }

    public DualWriteRuntime Runtime => Server.Runtime;

    public FinOpsClient FinOps { get; }

    public DataverseClient Dataverse { get; }

    /// <param name="configure">Changes to the runtime's options; by default it looks for work only once an hour, so that only what a test starts happens.</param>
    public static async Task<ServerHarness> StartAsync(Func<RuntimeOptions, RuntimeOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "dualwrite-server-tests", Guid.NewGuid().ToString("N"));
        var finOps = await Emulator.StartAsync(EnvironmentKind.FinOps, demo: true);
        var dataverse = await Emulator.StartAsync(EnvironmentKind.Dataverse);
        var options = new ServerOptions
        {
            Url = "http://127.0.0.1:0",
            Runtime = (configure ?? (o => o))(new RuntimeOptions { StorePath = Path.Combine(directory, "runtime.db"), PollInterval = TimeSpan.FromHours(1) }),
        };
        var server = await RuntimeServer.StartAsync(options);
        var harness = new ServerHarness(finOps, dataverse, server, options, directory);
        await harness.Runtime.Connection.LinkAsync(new LinkRequest(finOps.Address(), dataverse.Address(), server.BaseAddress) { Companies = ["usmf"] }, "tester", CancellationToken.None);
        return harness;
    }

    /// <summary>Stops the runtime and starts it again on the same store and data folder, on a new port: clients made before call the stopped one.</summary>
    public async Task RestartServerAsync()
    {
        await Server.DisposeAsync();
        Server = await RuntimeServer.StartAsync(options);
    }

    public Task WaitForStateAsync(string map, MapState state) =>
        WaitForAsync(async () => await Runtime.Store.GetStateAsync(map, CancellationToken.None) == state, $"'{map}' becoming {state}");

    public static async Task WaitForAsync(Func<Task<bool>> condition, string what = "the condition") =>
        Assert.True(await Eventually.HoldsAsync(condition, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(50)), $"{what} did not happen within a minute");

    /// <summary>A client of the admin API carrying the token of a user of <c>credentials.json</c> (<c>admin</c> or <c>reader</c>), or none.</summary>
    public HttpClient AdminClient(string? user)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TokenOf(Server.CredentialsPath, user));
        }

        clients.Add(client);
        return client;
    }

    /// <summary>The token the credentials file holds for a user.</summary>
    public static string TokenOf(string credentialsPath, string user)
    {
        using var file = System.Text.Json.JsonDocument.Parse(File.ReadAllText(credentialsPath));
        return file.RootElement.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("name").GetString() == user).GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
