namespace DualWrite.Cli.Remote.Shapes;

/// <summary>A map's latest initial sync run.</summary>
internal sealed record InitialSyncRun(
    long Id,
    string Status,
    string? Master,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Message,
    IReadOnlyList<CompanySync> Companies,
    SyncTotals Totals,
    double? RowsPerSecond);
