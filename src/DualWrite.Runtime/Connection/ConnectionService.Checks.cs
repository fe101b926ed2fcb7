using DualWrite.Connectors;
using DualWrite.Connectors.Auth;
using DualWrite.Core.Rows;

namespace DualWrite.Runtime.Connection;

public sealed partial class ConnectionService
{
    private const string LegalEntities = "LegalEntities";
    private const string LegalEntityId = "LegalEntityId";
    private const string LegalEntityName = "Name";

    /// <summary>
    /// Signs in to one environment and runs <paramref name="probe"/> there, turning what goes wrong into a refusal
    /// that says which side, whether it could not be reached, refused the credentials or refused the runtime, in the
    /// environment's own words and without the secret.
    /// </summary>
    private static async Task CheckAsync(string side, EnvironmentAddress address, ClientCredentialsTokenSource tokens, Func<Task> probe, CancellationToken cancellationToken)
    {
        var where = DescribeSide(side, address);
        await ProbeAsync(
            where,
            address,
            async () =>
            {
                try
                {
                    await tokens.GetTokenAsync(cancellationToken);
                }
                catch (ConnectorException e) when (!NoAnswer(e))
                {
                    throw Refusal($"{where} refused the credentials of client {address.ClientId}: {e.Message}", address);
                }
            },
            cancellationToken);
        await ProbeAsync(where, address, probe, cancellationToken);
    }

    private static async Task ProbeAsync(string where, EnvironmentAddress address, Func<Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await probe();
        }
        catch (ConnectorException e) when (NoAnswer(e))
        {
            throw Refusal($"{where} cannot be reached: {e.Message}", address);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Refusal($"{where} cannot be reached: it did not answer in time", address);
        }
        catch (ConnectorException e) when (e.Status is 401 or 403)
        {
            throw Refusal($"{where} does not allow client {address.ClientId} what the link needs: {e.Message}", address);
        }
        catch (ConnectorException e)
        {
            throw Refusal($"{where} failed: {e.Message}", address);
        }
    }

    /// <summary>Whether a failure is the environment not answering at all, as opposed to answering no.</summary>
    private static bool NoAnswer(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static LinkException Refusal(string message, params EnvironmentAddress[] addresses) =>
        new(HookSecret.Redact(message, addresses.Select(a => a.ClientSecret).ToArray()));

    /// <summary>Each company's name on F&amp;O; refused, naming them, when F&amp;O lacks any of them.</summary>
    private static async Task<IReadOnlyDictionary<string, string?>> ReadLegalEntitiesAsync(LinkedEnvironments environments, IReadOnlyList<string> companies, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        foreach (var company in companies)
        {
            var row = await environments.FinOps.ReadAsync(LegalEntities, RowKey.Of((LegalEntityId, company)), cancellationToken);
            if (row is null)
            {
                unknown.Add(company);
            }
            else
            {
                names[company] = row[LegalEntityName] as string;
            }
        }

        return unknown.Count == 0
            ? names
            : throw new LinkException(
                $"F&O at {environments.FinOpsTransport.Address.ServiceRoot} has no legal entit{(unknown.Count == 1 ? "y" : "ies")} " +
                $"{string.Join(", ", unknown.Select(c => $"'{c}'"))}; link only companies that exist there.");
    }

    /// <summary>Company codes trimmed, in lower case as F&amp;O writes <c>dataAreaId</c>, each once.</summary>
    private static string[] CompaniesOf(IReadOnlyList<string>? companies)
    {
        if (companies is null || companies.Count == 0)
        {
            return [LinkRequest.DefaultCompany];
        }

        if (companies.Any(string.IsNullOrWhiteSpace))
        {
            throw new LinkException("A company code is empty: name each legal entity by its code, such as usmf.");
        }

        return companies.Select(CompanyOf).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string CompanyOf(string code) =>
        string.IsNullOrWhiteSpace(code)
            ? throw new LinkException("The company code is empty: name the legal entity by its code, such as usmf.")
            : code.Trim().ToLowerInvariant();
}
