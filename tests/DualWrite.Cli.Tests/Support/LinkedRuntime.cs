using DualWrite.Connectors.FinOps;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using DualWrite.Server.Hosting;
using DualWrite.Testing;
using Microsoft.Data.Sqlite;

namespace DualWrite.Cli.Tests.Support;

/// <summary>
/// An F&amp;O with its demo companies, an empty Dataverse and the runtime serving on loopback ports, its store and
/// credentials in one data folder as <c>dualwrite up</c> lays it out, linked for usmf by <c>dualwrite link</c> with
/// nothing but the service roots; shared by a test class.
/// </summary>
public sealed class LinkedRuntime : IAsyncLifetime
{
    private readonly Func<RuntimeOptions, RuntimeOptions> configure;

    public LinkedRuntime()
        : this(o => o)
    {
    }

    /// <param name="configure">Changes to the runtime's options.</param>
    internal LinkedRuntime(Func<RuntimeOptions, RuntimeOptions> configure) => this.configure = configure;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "dualwrite-cli-tests", Guid.NewGuid().ToString("N"));

    public Emulator FinOpsEmulator { get; private set; } = null!;

    public Emulator DataverseEmulator { get; private set; } = null!;

    public RunningServer Server { get; private set; } = null!;

    /// <summary>F&amp;O as its administrator, making changes as users do.</summary>
    public FinOpsClient FinOps { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        FinOpsEmulator = await Emulator.StartAsync(EnvironmentKind.FinOps, demo: true, o => o with { DataDirectory = Path.Combine(DataFolder, "finops") });
        DataverseEmulator = await Emulator.StartAsync(EnvironmentKind.Dataverse, configure: o => o with { DataDirectory = Path.Combine(DataFolder, "dataverse") });
        FinOps = new FinOpsClient(FinOpsEmulator.Transport("admin"), FinOpsEmulator.Schema);
        Server = await RuntimeServer.StartAsync(new ServerOptions
        {
            Url = "http://127.0.0.1:0",

            // Work happens when a command starts it, not on a timer, so that what a test sees follows from what it did.
            Runtime = configure(new RuntimeOptions { StorePath = Path.Combine(DataFolder, "runtime", "runtime.db"), PollInterval = TimeSpan.FromHours(1) }),
        });
        // The runtime's application user and the token endpoints come from the environments' credentials in the data folder.
        var link = await RunAsync(
            "link",
            "--finops", FinOpsEmulator.Running.ServiceRoot.AbsoluteUri,
            "--dataverse", DataverseEmulator.Running.ServiceRoot.AbsoluteUri,
            "--company", "usmf");
        Assert.True(link.Exit == 0, link.Output);
    }

    /// <summary>Runs a <c>dualwrite</c> command line against this runtime, found through the data folder.</summary>
    public Task<CliResult> RunAsync(params string[] args) => DualWriteCli.RunAsync([.. args, "--data", DataFolder]);

    /// <summary>The token of the runtime's user with <paramref name="role"/>, from its credentials file.</summary>
    public string TokenOf(string role)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "runtime", "credentials.json")));
        return json.RootElement.GetProperty("users").EnumerateArray().First(u => u.GetProperty("role").GetString() == role).GetProperty("token").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
