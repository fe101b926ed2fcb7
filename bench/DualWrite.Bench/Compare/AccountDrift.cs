using System.Globalization;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Rows;

namespace DualWrite.Bench.Compare;

/// <summary>
/// Changes the credit limit of some synced accounts straight in Dataverse, spread evenly over the customers added,
/// so that the comparison has a known number of differing rows to find among the equal ones.
/// </summary>
internal static class AccountDrift
{
    private const int BatchSize = 500;
    private const decimal DriftedCreditLimit = 987_654.32m;

    public static async Task RunAsync(DataverseClient dataverse, int customers, int drift, IReadOnlyList<string> companies, CancellationToken cancellationToken)
    {
        if (drift == 0)
        {
            return;
        }

        var companyIds = new Dictionary<string, Guid>();
        foreach (var company in companies)
        {
            companyIds[company] = await dataverse.CompanyIdAsync(company, cancellationToken) ?? throw new InvalidOperationException($"Dataverse has no company {company}");
        }

        var step = customers / drift;
        var writes = Enumerable.Range(0, drift).Select(k =>
        {
            var index = k * step;
            var account = "BN-" + (index + 1).ToString("D7", CultureInfo.InvariantCulture);
            var key = DataverseKey.ByAlternateKey(("accountnumber", account), ("msdyn_company", companyIds[companies[index % companies.Count]]));
            return new DataverseWrite("account", DataverseOperation.Update, key, new Row { ["creditlimit"] = DriftedCreditLimit });
        });
        foreach (var batch in writes.Chunk(BatchSize))
        {
            var outcomes = await dataverse.WriteAsync(batch, atomic: true, cancellationToken);
            if (outcomes.FirstOrDefault(o => !o.Success) is { } failed)
            {
                throw new InvalidOperationException($"Dataverse refused a drifted account: {failed.Message}");
            }
        }
    }

}
