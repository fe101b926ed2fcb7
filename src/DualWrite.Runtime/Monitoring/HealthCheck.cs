using System.Text;
using DualWrite.Connectors;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Maps;
using DualWrite.Core.Schema;
using DualWrite.Core.Validation;
using DualWrite.Runtime.Connection;

namespace DualWrite.Runtime.Monitoring;

/// <summary>
/// The health check (SPEC section 6): of the connection (both environments reachable and authorised, the hooks
/// registered on both sides and answering, every linked company on both sides) and of every active map (the
/// map against the environments' schemas, and the hooks covering its tables). Each finding has a code and a fix.
/// </summary>
internal sealed class HealthCheck(ConnectionService connection, HttpClient http, EnvironmentSchema finOpsSchema, EnvironmentSchema dataverseSchema)
{
    public async Task<IReadOnlyList<HealthFinding>> RunAsync(IReadOnlyList<TableMap> maps, CancellationToken cancellationToken)
    {
        var findings = new List<HealthFinding>();
        if (await connection.GetAsync(cancellationToken) is not { } link)
        {
            return [new HealthFinding("DWH101", null, "This runtime is not linked to any environments.", "Link an F&O and a Dataverse environment.")];
        }

        using var environments = await connection.OpenAsync(cancellationToken);
        var finOpsUp = await ProbeAsync(findings, "DWH102", "F&O", link.FinOps.ServiceRoot, () => environments.FinOps.CompanyExistsAsync(link.Companies[0], cancellationToken));
        var dataverseUp = await ProbeAsync(findings, "DWH103", "Dataverse", link.Dataverse.ServiceRoot, () => environments.Dataverse.CompanyIdAsync(link.Companies[0], cancellationToken));
        if (finOpsUp)
        {
            var hooks = await environments.FinOps.ListHooksAsync(cancellationToken);
            if (hooks.FirstOrDefault(h => h.Id == link.Hooks.FinOpsHookId) is null)
            {
                findings.Add(new("DWH104", null, $"F&O has no sync hook {link.Hooks.FinOpsHookId}: its users' changes do not reach the runtime.", "Reset the link and link again, which registers the hook anew."));
            }

            foreach (var company in link.Companies)
            {
                if (!await environments.FinOps.CompanyExistsAsync(company, cancellationToken))
                {
                    findings.Add(new("DWH107", null, $"The linked legal entity '{company}' does not exist in F&O.", $"Create '{company}' in F&O, or remove it from the link."));
                }
            }
        }

        if (dataverseUp)
        {
            if (await environments.Dataverse.ReadAsync("serviceendpoint", DataverseKey.ById(link.Hooks.DataverseEndpointId), cancellationToken) is null)
            {
                findings.Add(new("DWH105", null, $"Dataverse has no webhook {link.Hooks.DataverseEndpointId}: its users' changes do not reach the runtime.", "Reset the link and link again, which registers the webhook anew."));
            }

            foreach (var company in link.Companies)
            {
                if (await environments.Dataverse.CompanyIdAsync(company, cancellationToken) is null)
                {
                    findings.Add(new("DWH108", null, $"The linked legal entity '{company}' has no cdm_company row in Dataverse.", $"Add '{company}' to the link again, which creates the row, or create it in Dataverse."));
                }
            }
        }

        await CheckAnsweringAsync(findings, link.HookBaseUrl, cancellationToken);
        foreach (var map in maps)
        {
            findings.AddRange(MapValidator.Validate(map, finOpsSchema, dataverseSchema).Select(f => new HealthFinding(
                f.Code, map.Name, f.Field is null ? f.Message : $"{f.Field}: {f.Message}", "Stop the map and correct it, or import a version that fits the environments.")));
            var table = dataverseSchema.FindByEntitySet(map.DataverseTable)?.Name ?? map.DataverseTable;
            if (!link.Hooks.FinOpsEntities.Contains(map.FinOpsEntity, StringComparer.OrdinalIgnoreCase)
                || !link.Hooks.DataverseTables.Contains(table, StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(new("DWH201", map.Name, $"The hooks the link registered do not cover {map.FinOpsEntity} and {table}: changes to them are not seen.", "Reset the link and link again, which hooks every table of the active maps."));
            }
        }

        return findings;
    }

    private static async Task<bool> ProbeAsync(List<HealthFinding> findings, string code, string side, Uri where, Func<Task> probe)
    {
        try
        {
            await probe();
            return true;
        }
        catch (ConnectorException e)
        {
            findings.Add(new(code, null, $"{side} at {where} cannot be reached or refuses the runtime: {e.Message}", $"Check that {side} is up, its address, and that the runtime's application user and its secret are valid there."));
            return false;
        }
    }

    /// <summary>Calls the runtime's own F&amp;O hook as F&amp;O does, with no changes: it must answer, or no change gets through.</summary>
    private async Task CheckAnsweringAsync(List<HealthFinding> findings, Uri hookBase, CancellationToken cancellationToken)
    {
        var url = new Uri(hookBase, "hooks/finops");
        string? problem;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("""{"changes":[]}""", Encoding.UTF8, "application/json") };
            request.Headers.Add(ConnectionService.HookSecretHeader, await connection.GetHookSecretAsync(LiveSync.HookSource.FinOps, cancellationToken));
            using var response = await http.SendAsync(request, cancellationToken);
            problem = response.IsSuccessStatusCode ? null : $"it answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            problem = $"it cannot be reached ({e.Message})";
        }

        if (problem is not null)
        {
            findings.Add(new("DWH106", null, $"The runtime's hook address {url} does not take calls: {problem}; every user's write to a running map fails.", "Run the runtime where the link's hook address points, or reset the link and link again with the address it has now."));
        }
    }
}
