using DualWrite.Runtime.InitialSync;

namespace DualWrite.Server.Admin.Bootstrap;

/// <summary>A bootstrap job as <c>GET /bootstrap/jobs/{id}</c> shows it, while it runs and after.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Kind">Company or File.</param>
/// <param name="Status">Running, Completed or Failed.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended; null while it runs.</param>
/// <param name="Message">Why it failed; null otherwise.</param>
/// <param name="Map">The map a file goes through; null for a company bootstrap.</param>
/// <param name="Company">The company given; null for a file.</param>
/// <param name="Table">The table stamped; null for a file.</param>
/// <param name="Counts">The rows settled so far.</param>
/// <param name="BytesRead">How much of the file has been read; 0 for a company bootstrap.</param>
/// <param name="TotalBytes">The file's size; 0 for a company bootstrap.</param>
/// <param name="UnlinkedCompanies">Rows of the file skipped for a company that is not linked, by company.</param>
/// <param name="IgnoredColumns">Columns of the file the map does not use.</param>
/// <param name="Errors">Where every failed row is listed (<c>line,key,reason</c>).</param>
internal sealed record BootstrapJobAnswer(
    string Id,
    BootstrapJobKind Kind,
    BootstrapJobStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Message,
    string? Map,
    string? Company,
    string? Table,
    SyncCounts Counts,
    long BytesRead,
    long TotalBytes,
    IReadOnlyDictionary<string, long> UnlinkedCompanies,
    IReadOnlyList<string> IgnoredColumns,
    string Errors);
