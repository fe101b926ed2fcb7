using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Reconciliation;

/// <summary>
/// Compares both sides of one map, company by company: both read in integration-key order and merged as initial
/// sync reads them, every key counted as equal, only on one side, differing or left out by the map, and the first
/// differences kept in detail. It writes nothing, and holds a page of each side (read ahead) and the differences kept.
/// </summary>
public sealed class Comparison(FinOpsClient finOps, DataverseClient dataverse, ComparisonOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <param name="mapper">The map's row mapper, knowing the linked companies.</param>
    /// <param name="companies">The companies to compare, for a company-specific map.</param>
    /// <param name="maxDifferences">Rows with a difference kept in detail; null for the options' number.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    public async Task<ComparisonReport> RunAsync(RowMapper mapper, IReadOnlyList<string> companies, int? maxDifferences, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var agreement = new RowAgreement(mapper, new LookupResolver(dataverse));
        var kept = new DifferenceList(maxDifferences ?? options.MaxDifferences);
        var results = new List<CompanyComparison>();
        foreach (var company in mapper.Map.CompanySpecific ? companies : [string.Empty])
        {
            results.Add(new CompanyComparison(company, await CompareAsync(mapper, agreement, company, kept, cancellationToken)));
        }

        var totals = results.Aggregate(new ComparisonCounts(), (sum, c) => sum + c.Counts);
        return new ComparisonReport(mapper.Map.Name, results, totals, kept.Rows, time.GetElapsedTime(started).TotalSeconds);
    }

    private async Task<ComparisonCounts> CompareAsync(RowMapper mapper, RowAgreement agreement, string company, DifferenceList kept, CancellationToken cancellationToken)
    {
        var code = company.Length == 0 ? null : company.ToLowerInvariant();
        var companyId = await KeyOrderedRead.CompanyIdAsync(dataverse, code, cancellationToken);
        long finOpsRows = 0, dataverseRows = 0, equal = 0, onlyInFinOps = 0, onlyInDataverse = 0, differing = 0, skipped = 0;
        // A comparison only reads, so a page of each side is read ahead: both sides' reads overlap each other and the
        // comparing. Initial sync, bound by its writes, does without: the extra reading would only take their processor.
        var rows = KeyOrderedRead.MergeAsync(finOps, dataverse, mapper, code, companyId, after: null, options.PageSize, readAhead: true, cancellationToken);
        await foreach (var merged in rows)
        {
            finOpsRows += merged.FinOps is null ? 0 : 1;
            dataverseRows += merged.Dataverse is null ? 0 : 1;
            var fromFinOps = merged.FinOps is { } f && agreement.TakesPart(SyncDirection.FinOpsToDataverse, f);
            var fromDataverse = merged.Dataverse is { } d && agreement.TakesPart(SyncDirection.DataverseToFinOps, d);
            if (!fromFinOps && !fromDataverse)
            {
                skipped++;
            }
            else if (merged.Dataverse is null)
            {
                onlyInFinOps++;
                kept.Add(new RowDifference(company, merged.Key.ToString(), RowDifferenceKind.OnlyInFinOps, []));
            }
            else if (merged.FinOps is null)
            {
                onlyInDataverse++;
                kept.Add(new RowDifference(company, merged.Key.ToString(), RowDifferenceKind.OnlyInDataverse, []));
            }
            else
            {
                var (fields, problem) = await agreement.CompareAsync(merged.FinOps, merged.Dataverse, fromFinOps, fromDataverse, cancellationToken);
                if (fields.Count == 0 && problem is null)
                {
                    equal++;
                }
                else
                {
                    differing++;
                    kept.Add(new RowDifference(company, merged.Key.ToString(), RowDifferenceKind.Differing, fields, problem));
                }
            }
        }

        return new ComparisonCounts(finOpsRows, dataverseRows, equal + onlyInFinOps + onlyInDataverse + differing, equal, onlyInFinOps, onlyInDataverse, differing, skipped);
    }
}
