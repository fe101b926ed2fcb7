using DualWrite.Core.Maps;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Reconciliation;

namespace DualWrite.Runtime;

public sealed partial class DualWriteRuntime
{
    /// <summary>The most rows with a difference a comparison keeps in detail, whatever it is asked.</summary>
    public const int MaxDifferencesKept = 10_000;

    /// <summary>
    /// Compares both sides of a map (every linked company, or the one asked for) and, when asked to fix and the sides
    /// differ, settles the map's rows as an initial sync with the master given settles them, through the change
    /// writer, then compares again. The fix leaves the map's state as it is; its run is recorded as the map's latest
    /// initial sync run, with its row errors, and in the map's activity log.
    /// </summary>
    /// <exception cref="ComparisonException">The company is not linked, or the number of differences is out of range.</exception>
    /// <exception cref="LifecycleException">A fix was asked while the map initialises, or the map is not active.</exception>
    public async Task<ComparisonReport> CompareAsync(string map, ComparisonRequest request, string who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxDifferences is < 0 or > MaxDifferencesKept)
        {
            throw new ComparisonException("maxDifferences", $"A comparison keeps 0 to {MaxDifferencesKept:N0} differences in detail; {request.MaxDifferences} were asked.");
        }

        var tableMap = Find(await ActiveMapsAsync(cancellationToken), map);
        var linked = await Store.GetCompaniesAsync(cancellationToken);
        var companies = CompaniesToCompare(tableMap, linked, request.Company);
        if (request.FixWith is not null && await Store.GetStateAsync(tableMap.Name, cancellationToken) == MapState.Initializing)
        {
            throw new LifecycleException($"'{tableMap.Name}' is initialising: its initial sync settles the rows; compare again once it runs");
        }

        using var session = await OpenSyncAsync(cancellationToken);
        var comparison = new Comparison(session.Environments.FinOps, session.Environments.Dataverse, options.Comparison, options.Time);
        var report = await new Reconciler(comparison, session.Runner, Store).RunAsync(Mapper(tableMap, linked), companies, request, who, cancellationToken);
        RuntimeLog.Compared(logger, report.Map, report.Totals.Equal, report.Totals.OnlyInFinOps, report.Totals.OnlyInDataverse, report.Totals.Differing, report.Seconds);
        if (report.Fix is { After: var after })
        {
            RuntimeLog.Compared(logger, after.Map, after.Totals.Equal, after.Totals.OnlyInFinOps, after.Totals.OnlyInDataverse, after.Totals.Differing, after.Seconds);
        }

        return report;
    }

    private static IReadOnlyList<string> CompaniesToCompare(TableMap map, IReadOnlyList<string> linked, string? company)
    {
        if (!map.CompanySpecific)
        {
            return company is null
                ? []
                : throw new ComparisonException("company", $"'{map.Name}' is global: its rows belong to no company. Compare it without one.");
        }

        if (company is null)
        {
            return linked;
        }

        return linked.FirstOrDefault(c => string.Equals(c, company, StringComparison.OrdinalIgnoreCase)) is { } found
            ? [found]
            : throw new ComparisonException("company", $"'{company}' is not linked (linked: {string.Join(", ", linked)}). Compare a linked company, or every one.");
    }
}
