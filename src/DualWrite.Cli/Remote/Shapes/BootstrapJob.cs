namespace DualWrite.Cli.Remote.Shapes;

/// <summary>A bootstrap job as the runtime shows it, while it runs and after.</summary>
internal sealed record BootstrapJob(
    string Id,
    string Kind,
    string Status,
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
