using Microsoft.Data.Sqlite;

namespace DualWrite.Bench.Hosting;

/// <summary>A folder under the system's temporary folder that is removed, with everything in it, when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Path = path;

    public string Path { get; }

    public static TempFolder Create(string purpose)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dualwrite-bench", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new TempFolder(path);
    }

    public void Dispose()
    {
        // Pooled connections keep database files open; a folder of a benchmark that ran to the end should not stay behind.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file a closing connection still holds; the system clears its temporary folder in time anyway.
        }
    }
}
