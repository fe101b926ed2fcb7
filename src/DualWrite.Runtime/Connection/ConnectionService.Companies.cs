using DualWrite.Core.Maps;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Connection;

public sealed partial class ConnectionService
{
    /// <summary>
    /// Adds a legal entity to the link: F&amp;O must have it; its <c>cdm_company</c> row is created in Dataverse when
    /// missing. Then, unless <paramref name="skipInitialSync"/>, the initial sync of the company is started for every
    /// company-specific map that is not Not running. Once the company is saved it stays linked, even if starting its
    /// initial sync fails.
    /// </summary>
    /// <param name="code">The company code, such as <c>usmf</c>; compared without regard to case.</param>
    /// <param name="skipInitialSync">Leave the company's existing rows alone; only its changes from now on are synchronised.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <exception cref="LinkException">Not linked, already linked, unknown to F&amp;O, or an environment refusing.</exception>
    public async Task AddCompanyAsync(string code, bool skipInitialSync, CancellationToken cancellationToken)
    {
        var company = CompanyOf(code);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var saved = await RequireLinkAsync(cancellationToken);
            var companies = await store.GetCompaniesAsync(cancellationToken);
            if (companies.Contains(company, StringComparer.OrdinalIgnoreCase))
            {
                throw new LinkException($"The legal entity '{company}' is already linked.");
            }

            var finOps = saved.FinOps.ToAddress();
            var dataverse = saved.Dataverse.ToAddress();
            using var environments = Open(finOps, dataverse, options.CheckRetry);
            IReadOnlyDictionary<string, string?> names = new Dictionary<string, string?>();
            await CheckAsync("F&O", finOps, environments.FinOpsTokens, async () => names = await ReadLegalEntitiesAsync(environments, [company], cancellationToken), cancellationToken);
            await CheckAsync("Dataverse", dataverse, environments.DataverseTokens, () => environments.Dataverse.EnsureCompanyAsync(company, names.GetValueOrDefault(company), cancellationToken), cancellationToken);
            await store.SetCompaniesAsync([.. companies, company], cancellationToken);
            ConnectionLog.CompanyAdded(logger, company);
            LinkChanged?.Invoke(this, EventArgs.Empty);
        }
        finally
        {
            gate.Release();
        }

        if (!skipInitialSync)
        {
            var started = await StartedCompanyMapsAsync(cancellationToken);
            if (started.Count > 0)
            {
                await initialSync.StartAsync(company, started, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Takes a legal entity out of the link: its rows are synchronised no more. Nothing is deleted on either side.
    /// A link keeps at least one company.
    /// </summary>
    /// <exception cref="LinkException">Not linked, the company not linked, or the last one.</exception>
    public async Task RemoveCompanyAsync(string code, CancellationToken cancellationToken)
    {
        var company = CompanyOf(code);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await RequireLinkAsync(cancellationToken);
            var companies = await store.GetCompaniesAsync(cancellationToken);
            if (!companies.Contains(company, StringComparer.OrdinalIgnoreCase))
            {
                throw new LinkException($"The legal entity '{company}' is not linked; the linked ones are {string.Join(", ", companies)}.");
            }

            if (companies.Count == 1)
            {
                throw new LinkException($"'{company}' is the only linked legal entity, and a link keeps at least one: add another first, or reset the link.");
            }

            await store.SetCompaniesAsync(companies.Where(c => !string.Equals(c, company, StringComparison.OrdinalIgnoreCase)).ToArray(), cancellationToken);
            ConnectionLog.CompanyRemoved(logger, company);
            LinkChanged?.Invoke(this, EventArgs.Empty);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The company-specific maps that are started in any way, in dependency order.</summary>
    private async Task<IReadOnlyList<TableMap>> StartedCompanyMapsAsync(CancellationToken cancellationToken)
    {
        var states = await store.GetStatesAsync(cancellationToken);
        var catalog = await StoredCatalog.LoadAsync(store, cancellationToken);
        var started = catalog.ActiveMaps
            .Where(m => m.CompanySpecific && states.TryGetValue(m.Name, out var state) && state != MapState.NotRunning)
            .ToArray();
        return MapOrder.Sort(started);
    }
}
