namespace DualWrite.Runtime.Bootstrap;

/// <summary>Which export to load and where its errors go.</summary>
/// <param name="File">The data-management export (CSV) of the map's F&amp;O entity.</param>
public sealed record FileBootstrapOptions(string File)
{
    /// <summary>Where the failed rows are listed; beside the file (<c>name.errors.csv</c>) when null.</summary>
    public string? ErrorFile { get; init; }

    /// <summary>
    /// Rows read, compared and written together. One batch is written while the next is read, so two are held at
    /// once: this is what sets the memory of a run, whatever the size of the file.
    /// </summary>
    public int RowsPerBatch { get; init; } = 4_000;
}
