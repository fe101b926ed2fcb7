using System.Globalization;
using CsvHelper;

namespace DualWrite.Runtime.Bootstrap;

/// <summary>
/// The rows a file bootstrap could not write, as CSV (<c>line,key,reason</c>), written as they are found, so that a
/// run of millions of rows never holds its errors in memory and a stopped run still leaves the ones it found.
/// </summary>
internal sealed class BootstrapErrorFile : IAsyncDisposable
{
    public static readonly string[] Header = ["line", "key", "reason"];

    private readonly CsvWriter csv;

    private BootstrapErrorFile(string path, CsvWriter csv)
    {
        Path = path;
        this.csv = csv;
    }

    public string Path { get; }

    public long Count { get; private set; }

    /// <summary>Where the errors of a file go when the caller does not say: beside it, as <c>name.errors.csv</c>.</summary>
    public static string Beside(string file) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!, System.IO.Path.GetFileNameWithoutExtension(file) + ".errors.csv");

    public static BootstrapErrorFile Create(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default, FileOptions.None);
        csv.WriteHeader(Header);
        return new BootstrapErrorFile(path, csv);
    }

    public async Task WriteAsync(BootstrapRowError error, CancellationToken cancellationToken)
    {
        await csv.WriteRecordAsync([error.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, error.Key, error.Reason], cancellationToken);
        Count++;
    }

    public ValueTask DisposeAsync() => csv.DisposeAsync();
}
