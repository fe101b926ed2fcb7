using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Server.Admin.InitialSync;

/// <summary>A map's latest initial sync run: its status, per company and in all, and how fast it read.</summary>
internal sealed record SyncRunAnswer(
    long Id,
    SyncRunStatus Status,
    Master Master,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Message,
    IReadOnlyList<CompanyProgress> Companies,
    SyncTotals Totals,
    double RowsPerSecond);
