using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Filtering;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Bootstrap;

/// <summary>
/// Gives Dataverse rows that have no company a linked company, so that dual-write takes them up: only rows without
/// one, only those the filter names, a change set at a time through the change writer. A row that has a company is
/// never changed, whatever the filter says: the company is part of a row's identity.
/// </summary>
public sealed class CompanyBootstrap(DataverseClient dataverse, ChangeWriter writer, EnvironmentSchema dataverseSchema)
{
    /// <summary>Gives the rows their company; progress is reported once the request has been checked, and after each change set.</summary>
    /// <exception cref="BootstrapException">The company is not linked or has no row, the table has no company, or the filter does not parse; nothing was written.</exception>
    public async Task<CompanyBootstrapResult> RunAsync(CompanyBootstrapOptions options, IReadOnlyCollection<string> linked, IProgress<SyncCounts>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(linked);
        var table = dataverseSchema.FindByEntitySet(options.Table) ?? dataverseSchema.FindTable(options.Table)
            ?? throw new BootstrapException($"Dataverse has no table '{options.Table}'; name it by its logical name (account) or entity set (accounts)");
        if (table.CompanyField is not { } companyField)
        {
            throw new BootstrapException($"{table.Name} is not company-specific: its rows have no company to set");
        }

        var company = linked.FirstOrDefault(c => string.Equals(c, options.Company, StringComparison.OrdinalIgnoreCase))
            ?? throw new BootstrapException($"the company '{options.Company}' is not linked (linked: {string.Join(", ", linked)}); add it to the link first");
        if (options.Filter is { } filter)
        {
            try
            {
                ODataFilterParser.Parse(filter);
            }
            catch (FilterParseException e)
            {
                throw new BootstrapException($"the filter does not parse: {e.Message}", e);
            }
        }

        var companyId = await dataverse.CompanyIdAsync(company, cancellationToken)
            ?? throw new BootstrapException($"the company '{company}' has no cdm_company row in Dataverse; link the company first");
        var withoutCompany = $"_{companyField}_value eq null";
        var query = new DataverseQuery
        {
            Filter = options.Filter is null ? withoutCompany : $"({withoutCompany}) and ({options.Filter})",
            Select = [table.PrimaryIdField!],
            PageSize = Math.Min(options.BatchSize, DataverseQuery.MaxPageSize),
        };

        await using var errorFile = options.ErrorFile is null ? null : BootstrapErrorFile.Create(options.ErrorFile);
        progress?.Report(new SyncCounts());
        var counts = new SyncCounts();
        var errors = new List<BootstrapRowError>();
        var batch = new List<DataverseRowWrite>(options.BatchSize);
        async Task WriteAsync()
        {
            var outcomes = await writer.WriteToDataverseAsync(batch, cancellationToken);
            var failed = outcomes.Where(o => !o.Success).Select(o => new BootstrapRowError(null, o.Key.ToString(), o.Message ?? "the write failed")).ToArray();
            errors.AddRange(failed);
            if (errorFile is not null)
            {
                foreach (var error in failed)
                {
                    await errorFile.WriteAsync(error, cancellationToken);
                }
            }

            counts = counts with { Read = counts.Read + batch.Count, Updated = counts.Updated + batch.Count - failed.Length, Failed = counts.Failed + failed.Length };
            batch.Clear();
            progress?.Report(counts);
        }

        // The rows read are the ones still without a company; paging goes by id, so rows stamped meanwhile drop out of
        // later pages without moving the rows after them.
        await foreach (var row in dataverse.ReadRowsAsync(table.Name, query, cancellationToken))
        {
            var id = (Guid)row[table.PrimaryIdField!]!;
            var values = new Row { [companyField] = companyId };
            batch.Add(new DataverseRowWrite(RowKey.Of((table.PrimaryIdField!, id)), company, table.Name, DataverseOperation.Update, DataverseKey.ById(id), values, []));
            if (batch.Count == options.BatchSize)
            {
                await WriteAsync();
            }
        }

        if (batch.Count > 0)
        {
            await WriteAsync();
        }

        return new CompanyBootstrapResult(company, table.Name, counts, errors);
    }
}
