using DualWrite.Runtime.Store;
using Microsoft.Data.Sqlite;

namespace DualWrite.Runtime.Tests.Store;

/// <summary>A runtime store in a temporary folder, removed afterwards.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private TempStore(string directory, SqliteRuntimeStore store)
    {
        Directory = directory;
        Store = store;
    }

    public string Directory { get; }

    public SqliteRuntimeStore Store { get; private set; }

    public string Path => System.IO.Path.Combine(Directory, "runtime.db");

    public static async Task<TempStore> OpenAsync()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dualwrite-runtime-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TempStore(directory, await SqliteRuntimeStore.OpenAsync(System.IO.Path.Combine(directory, "runtime.db"), TimeProvider.System));
    }

    /// <summary>Closes the store and opens the same file again, as a restarted runtime would.</summary>
    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await SqliteRuntimeStore.OpenAsync(Path, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
