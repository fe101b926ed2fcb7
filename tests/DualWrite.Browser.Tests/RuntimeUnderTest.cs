using DualWrite.Server.Local;
using Microsoft.Data.Sqlite;

namespace DualWrite.Browser.Tests;

/// <summary>
/// What <c>dualwrite up</c> starts, in this process on free loopback ports: F&amp;O and Dataverse with their demo data
/// and the runtime, linked for usmf and gbsi, in a data folder of its own.
/// </summary>
internal sealed class RuntimeUnderTest : IAsyncDisposable
{
    private readonly string directory;

    private RuntimeUnderTest(LocalDualWrite local, string directory)
    {
        Local = local;
        this.directory = directory;
    }

    public LocalDualWrite Local { get; }

    public Uri Address => Local.Runtime.BaseAddress;

    /// <summary>The data folder of <c>dualwrite up</c>, removed with the runtime.</summary>
    public string DataFolder => directory;

    /// <summary>Where the runtime keeps its store and the admin API's tokens, as <c>DATA/runtime</c> of <c>dualwrite up</c>.</summary>
    public string RuntimeFolder => Path.Combine(directory, "runtime");

    public static async Task<RuntimeUnderTest> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("dualwrite-browser-tests-").FullName;
        var local = await LocalDualWrite.StartAsync(
            new LocalDualWriteOptions { DataDirectory = directory, FinOpsPort = 0, DataversePort = 0, RuntimePort = 0 },
            CancellationToken.None);
        return new RuntimeUnderTest(local, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await Local.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
