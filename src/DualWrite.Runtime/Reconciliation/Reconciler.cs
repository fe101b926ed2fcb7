using DualWrite.Core.Mapping;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Reconciliation;

/// <summary>
/// Compares a map's two sides and, when asked and they differ, makes them equal: the rows are settled by an initial
/// sync run with the master given (rows on one side only created on the other, differing rows given the master's
/// values, through the change writer), outside the map's lifecycle, and the sides are compared again. Reusing the
/// initial sync's settling rather than planning writes of its own means a fix and a run decide a row the same way,
/// and what either leaves is what the comparison counts as agreeing.
/// </summary>
public sealed class Reconciler(Comparison comparison, InitialSyncRunner runner, IRuntimeStore store)
{
    /// <param name="mapper">The map's row mapper, knowing the linked companies.</param>
    /// <param name="companies">The companies to compare and fix (empty for a global map).</param>
    /// <param name="request">The master to fix with, if any, and how many differences to keep.</param>
    /// <param name="who">Who asked, for the map's activity log.</param>
    /// <param name="cancellationToken">Stops the comparison or the fix; a fix stopped half way is recorded as a failed run.</param>
    public async Task<ComparisonReport> RunAsync(RowMapper mapper, IReadOnlyList<string> companies, ComparisonRequest request, string who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(request);
        var report = await comparison.RunAsync(mapper, companies, request.MaxDifferences, cancellationToken);
        if (request.FixWith is not { } master || report.Agrees)
        {
            return report;
        }

        var map = mapper.Map.Name;
        var run = await store.StartSyncRunAsync(map, master, skipFailedKeys: false, cancellationToken);
        IReadOnlyList<SyncProgress> progress;
        try
        {
            progress = await runner.RunAsync(mapper, run, companies, new HashSet<string>(), cancellationToken);
        }
        catch (Exception e)
        {
            await store.FinishSyncRunAsync(run.Id, SyncRunStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }

        var summary = InitialSyncService.Summarize(progress);
        await store.FinishSyncRunAsync(run.Id, SyncRunStatus.Completed, summary, cancellationToken);
        var where = companies.Count == 0 ? string.Empty : $" in {string.Join(", ", companies)}";
        await store.AppendActivityAsync(map, who, "Compare fixed", $"{report.Totals.Differences} differing rows settled with {master} as master{where}: {summary}", cancellationToken);
        var after = await comparison.RunAsync(mapper, companies, request.MaxDifferences, cancellationToken);
        return report with
        {
            Fix = new ComparisonFix(
                master,
                run.Id,
                progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToDataverse),
                progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToFinOps),
                after),
        };
    }
}
