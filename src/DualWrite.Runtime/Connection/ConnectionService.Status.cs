using DualWrite.Connectors;

namespace DualWrite.Runtime.Connection;

public sealed partial class ConnectionService
{
    /// <summary>
    /// Asks both linked environments, as the runtime's application users, whether each linked legal entity exists
    /// there; an environment that does not answer is reported, not thrown. Null when the runtime is not linked.
    /// </summary>
    public async Task<LinkStatus?> GetStatusAsync(CancellationToken cancellationToken)
    {
        if (await store.GetConnectionAsync(cancellationToken) is not { } json)
        {
            return null;
        }

        var saved = SavedConnection.Parse(json);
        var companies = await store.GetCompaniesAsync(cancellationToken);
        using var environments = Open(saved.FinOps.ToAddress(), saved.Dataverse.ToAddress(), options.CheckRetry);
        string[] secrets = [saved.FinOps.ClientSecret, saved.Dataverse.ClientSecret];
        return new LinkStatus(
            await StatusOfAsync(saved.FinOps.ToIdentity(), companies, c => environments.FinOps.CompanyExistsAsync(c, cancellationToken), secrets, cancellationToken),
            await StatusOfAsync(saved.Dataverse.ToIdentity(), companies, async c => await environments.Dataverse.CompanyIdAsync(c, cancellationToken) is not null, secrets, cancellationToken));
    }

    private static async Task<EnvironmentStatus> StatusOfAsync(
        EnvironmentIdentity identity, IReadOnlyList<string> companies, Func<string, Task<bool>> exists, string[] secrets, CancellationToken cancellationToken)
    {
        var found = new List<CompanyPresence>(companies.Count);
        try
        {
            foreach (var company in companies)
            {
                found.Add(new CompanyPresence(company, await exists(company)));
            }

            return new EnvironmentStatus(identity, true, null, found);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var problem = e is OperationCanceledException ? "it did not answer in time" : HookSecret.Redact(e.Message, secrets);
            return new EnvironmentStatus(identity, false, problem, []);
        }
    }
}
