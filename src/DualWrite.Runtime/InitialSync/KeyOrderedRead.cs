using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;

namespace DualWrite.Runtime.InitialSync;

/// <summary>
/// One company of one map read on both sides in integration-key order and merged by key: what initial sync settles
/// and what a comparison checks walk the same rows the same way.
/// </summary>
public static class KeyOrderedRead
{
    /// <summary>The Dataverse id of a company-specific map's company; null for a global map.</summary>
    /// <exception cref="InvalidOperationException">Dataverse has no <c>cdm_company</c> row for the company.</exception>
    public static async Task<Guid?> CompanyIdAsync(DataverseClient dataverse, string? company, CancellationToken cancellationToken) =>
        company is null
            ? null
            : await dataverse.CompanyIdAsync(company, cancellationToken)
                ?? throw new InvalidOperationException($"the company '{company}' has no cdm_company row in Dataverse; link the company first");

    /// <summary>The two sides' rows merged by key, each side read in key order.</summary>
    /// <param name="finOps">F&amp;O's client.</param>
    /// <param name="dataverse">Dataverse's client.</param>
    /// <param name="mapper">The map's row mapper.</param>
    /// <param name="company">The company in lower case, or null for a global map.</param>
    /// <param name="companyId">The company's Dataverse id, or null for a global map.</param>
    /// <param name="after">Key values (after the company) to read strictly after, or null to read from the start.</param>
    /// <param name="pageSize">Rows per page on each side.</param>
    /// <param name="readAhead">Whether to read a page of each side ahead of the merge, on tasks of their own.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public static IAsyncEnumerable<MergedRow> MergeAsync(
        FinOpsClient finOps, DataverseClient dataverse, RowMapper mapper, string? company, Guid? companyId, string[]? after, int pageSize, bool readAhead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var (finOpsRows, dataverseRows) = Sides(finOps, dataverse, mapper, company, companyId, after, pageSize, cancellationToken);
        if (readAhead)
        {
            (finOpsRows, dataverseRows) = (ReadAhead.RunAsync(finOpsRows, pageSize, cancellationToken), ReadAhead.RunAsync(dataverseRows, pageSize, cancellationToken));
        }

        return MergeJoin.RunAsync(finOpsRows, mapper.KeyOfFinOps, dataverseRows, mapper.KeyOfDataverse, cancellationToken);
    }

    /// <summary>Each side's rows in key order, as <see cref="MergeAsync"/> reads them, not yet merged.</summary>
    /// <inheritdoc cref="MergeAsync" path="/param"/>
    public static (IAsyncEnumerable<Row> FinOps, IAsyncEnumerable<Row> Dataverse) Sides(
        FinOpsClient finOps, DataverseClient dataverse, RowMapper mapper, string? company, Guid? companyId, string[]? after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finOps);
        ArgumentNullException.ThrowIfNull(dataverse);
        ArgumentNullException.ThrowIfNull(mapper);
        var finOpsKey = mapper.Key.Select(k => k.FinOps.Name).ToArray();
        var dataverseKey = mapper.Key.Select(k => k.Dataverse.Column).ToArray();
        var finOpsRows = finOps.ReadRowsAsync(mapper.FinOpsTable.Name, new FinOpsQuery
        {
            Company = company,
            Filter = After(finOpsKey, after),
            OrderBy = finOpsKey,
            PageSize = pageSize,
        }, cancellationToken);
        var companyFilter = companyId is { } id ? $"_{mapper.DataverseTable.CompanyField}_value eq {id}" : null;
        var dataverseRows = dataverse.ReadRowsAsync(mapper.DataverseTable.Name, new DataverseQuery
        {
            Filter = And(companyFilter, After(dataverseKey, after)),
            OrderBy = dataverseKey,
            Expand = mapper.DataverseReadPaths.Where(p => p.Segments.Count == 2).Select(p => p.ToString()).ToArray(),
            PageSize = pageSize,
        }, cancellationToken);
        return (finOpsRows, dataverseRows);
    }

    /// <summary>An OData condition "strictly after these key values", for the key's text fields in order.</summary>
    private static string? After(string[] fields, string[]? values)
    {
        if (values is null || values.Length != fields.Length)
        {
            return null;
        }

        string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        var terms = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            var equal = Enumerable.Range(0, i).Select(j => $"{fields[j]} eq {Literal(values[j])}");
            terms.Add("(" + string.Join(" and ", equal.Append($"{fields[i]} gt {Literal(values[i])}")) + ")");
        }

        return string.Join(" or ", terms);
    }

    private static string? And(string? a, string? b) => a is null ? b : b is null ? a : $"({a}) and ({b})";
}
