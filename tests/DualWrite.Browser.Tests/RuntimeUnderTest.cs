using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using DualWrite.Server.Hosting;
using DualWrite.Testing;
using Microsoft.Data.Sqlite;

namespace DualWrite.Browser.Tests;

/// <summary>
/// What a person opens the admin page on: an F&amp;O with its demo companies, an empty Dataverse and the runtime serving
/// on a loopback port, linked to both for usmf, all in this process.
/// </summary>
internal sealed class RuntimeUnderTest : IAsyncDisposable
{
    private readonly string directory;

    private RuntimeUnderTest(Emulator finOps, Emulator dataverse, RunningServer server, string directory)
    {
        FinOps = finOps;
        Dataverse = dataverse;
        Server = server;
        this.directory = directory;
    }

    public Emulator FinOps { get; }

    public Emulator Dataverse { get; }

    public RunningServer Server { get; }

    public Uri Address => Server.BaseAddress;

    public string StoreFolder => directory;

    public static async Task<RuntimeUnderTest> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("dualwrite-browser-tests-").FullName;
        var finOps = await Emulator.StartAsync(EnvironmentKind.FinOps, demo: true);
        var dataverse = await Emulator.StartAsync(EnvironmentKind.Dataverse);
        var server = await RuntimeServer.StartAsync(new ServerOptions
        {
            Url = "http://127.0.0.1:0",
            Runtime = new RuntimeOptions { StorePath = Path.Combine(directory, "runtime.db") },
        });
        await server.Runtime.Connection.LinkAsync(
            new LinkRequest(finOps.Address(), dataverse.Address(), server.BaseAddress) { Companies = ["usmf"] }, "tester", CancellationToken.None);
        return new RuntimeUnderTest(finOps, dataverse, server, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await FinOps.DisposeAsync();
        await Dataverse.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
