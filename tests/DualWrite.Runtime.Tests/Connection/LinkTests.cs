using System.Text.Json;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Connection;
using HookSource = DualWrite.Runtime.LiveSync.HookSource;
using DualWrite.Testing;

namespace DualWrite.Runtime.Tests.Connection;

public sealed class LinkTests : IAsyncLifetime
{
    private static readonly Solution OutOfBox = OutOfBoxSolution.Load();
    private LinkHarness harness = null!;

    public async Task InitializeAsync() => harness = await LinkHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Linking_creates_the_companies_in_Dataverse_applies_the_out_of_box_solution_and_registers_the_hooks_on_both_sides()
    {
        var info = await harness.LinkAsync("USMF", "gbsi", "dat");

        Assert.Equal(["dat", "gbsi", "usmf"], await harness.DataverseCompaniesAsync());
        var usmf = Assert.Single(await harness.ReadAllAsync("cdm_company", "cdm_companycode eq 'usmf'"));
        var usmfOnFinOps = await harness.FinOps.ReadAsync("LegalEntities", RowKey.Of(("LegalEntityId", "usmf")), CancellationToken.None);
        Assert.Equal(usmfOnFinOps!["Name"], usmf["cdm_name"]);

        Assert.Equal(["usmf", "gbsi", "dat"], await harness.Store.Store.GetCompaniesAsync(CancellationToken.None));
        var solution = Assert.Single(await harness.Store.Store.GetSolutionsAsync(CancellationToken.None));
        Assert.Equal((OutOfBox.Name, OutOfBox.Version.ToString()), (solution.Name, solution.Version));
        Assert.Equal(
            OutOfBox.Maps.Select(m => m.Name).Order(StringComparer.OrdinalIgnoreCase),
            (await harness.Store.Store.GetActiveMapsAsync(CancellationToken.None)).Select(a => a.Map).Order(StringComparer.OrdinalIgnoreCase));

        var hook = Assert.Single(await harness.FinOps.ListHooksAsync(CancellationToken.None));
        Assert.Equal(info.Hooks.FinOpsHookId, hook.Id);
        Assert.Equal(new Uri(LinkHarness.HookBase, "hooks/finops"), hook.Url);
        Assert.Equal(OutOfBox.Maps.Select(m => m.FinOpsEntity).Distinct().Order(), hook.Entities.Order());

        var endpoint = Assert.Single(await harness.ReadAllAsync("serviceendpoint"));
        Assert.Equal(info.Hooks.DataverseEndpointId, endpoint["serviceendpointid"]);
        Assert.Equal(new Uri(LinkHarness.HookBase, "hooks/dataverse").AbsoluteUri, endpoint["url"]);
        var steps = await harness.ReadAllAsync("sdkmessageprocessingstep", $"_eventhandler_serviceendpoint_value eq {info.Hooks.DataverseEndpointId}");
        var tables = OutOfBox.Maps.Select(m => harness.DataverseEmulator.Schema.FindByEntitySet(m.DataverseTable)!.Name).Distinct().ToArray();
        // Per table and message, one step inside the transaction and one after its commit.
        Assert.Equal(tables.Length * 3, steps.Count(s => s["mode"] is 0));
        Assert.Equal(tables.Length * 3, steps.Count(s => s["mode"] is 1));
        Assert.Equal(info.Hooks.DataverseStepIds.Order(), steps.Select(s => (Guid)s["sdkmessageprocessingstepid"]!).Order());
        Assert.Equal(tables.Order(), info.Hooks.DataverseTables.Order());
    }

    [Fact]
    public async Task The_connection_reads_back_with_environments_companies_solutions_and_map_versions_and_no_secret()
    {
        await harness.LinkAsync("usmf", "dat");

        var info = await harness.Service.GetAsync(CancellationToken.None);

        Assert.NotNull(info);
        var finOps = harness.FinOpsEmulator.Address();
        var dataverse = harness.DataverseEmulator.Address();
        Assert.Equal(new EnvironmentIdentity(finOps.ServiceRoot, finOps.TokenEndpoint, finOps.ClientId), info.FinOps);
        Assert.Equal(new EnvironmentIdentity(dataverse.ServiceRoot, dataverse.TokenEndpoint, dataverse.ClientId), info.Dataverse);
        Assert.Equal(["usmf", "dat"], info.Companies);
        Assert.Equal((OutOfBox.Name, OutOfBox.Version.ToString()), (Assert.Single(info.Solutions).Name, info.Solutions[0].Version));
        var customers = Assert.Single(info.ActiveMaps, m => m.Map == "Customers V3 (accounts)");
        Assert.Equal((OutOfBox.FindMap(customers.Map)!.Version.ToString(), OutOfBox.Name, OutOfBox.Version.ToString()), (customers.Version, customers.Solution, customers.SolutionVersion));
        Assert.Equal(OutOfBox.Maps.Count, info.ActiveMaps.Count);
        Assert.Equal("tester", info.LinkedBy);
        Assert.Equal(LinkHarness.HookBase, info.HookBaseUrl);

        var hookSecret = (await harness.Service.GetHookSecretAsync(HookSource.FinOps, CancellationToken.None))!;
        Assert.True(Convert.FromBase64String(hookSecret).Length >= 32);
        var shown = JsonSerializer.Serialize(info) + info;
        foreach (var secret in new[] { finOps.ClientSecret, dataverse.ClientSecret, hookSecret })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_link_without_companies_synchronises_dat()
    {
        var request = new LinkRequest(harness.FinOpsEmulator.Address(), harness.DataverseEmulator.Address(), LinkHarness.HookBase);

        var info = await harness.Service.LinkAsync(request, "tester", CancellationToken.None);

        Assert.Equal(["dat"], info.Companies);
        Assert.Equal(["dat"], await harness.DataverseCompaniesAsync());
    }

    [Fact]
    public async Task The_runtime_opens_clients_of_both_environments_from_the_saved_link()
    {
        await harness.LinkAsync("usmf");

        using var environments = await harness.Service.OpenAsync(CancellationToken.None);

        Assert.True(await environments.FinOps.CompanyExistsAsync("gbsi", CancellationToken.None));
        Assert.NotNull(await environments.Dataverse.CompanyIdAsync("usmf", CancellationToken.None));
        Assert.Equal(harness.FinOpsEmulator.Address().ClientId, environments.FinOpsTransport.Address.ClientId);
    }

    [Fact]
    public async Task Both_environments_send_the_links_hook_secret_to_the_hook_addresses()
    {
        await using var receiver = await HookReceiver.StartAsync();
        // A base with a path of its own, so the calls show the hook addresses keep it.
        var request = harness.Request("dat") with { HookBaseUrl = new Uri(receiver.BaseUrl, "dualwrite/"), FinOpsEntities = ["Currencies"], DataverseTables = ["transactioncurrencies"] };
        await harness.Service.LinkAsync(request, "tester", CancellationToken.None);
        var secret = await harness.Service.GetHookSecretAsync(HookSource.FinOps, CancellationToken.None);
        var dataverseSecret = await harness.Service.GetHookSecretAsync(HookSource.Dataverse, CancellationToken.None);
        Assert.NotEqual(secret, dataverseSecret);

        var finOpsApp = new FinOpsClient(harness.FinOpsEmulator.Transport("app"), harness.FinOpsEmulator.Schema);
        var finOpsWrite = await finOpsApp.WriteAsync([FinOpsWrite.Create("Currencies", new Row { ["CurrencyCode"] = "ZZA", ["Name"] = "Test A" })], atomic: true, CancellationToken.None);
        Assert.True(finOpsWrite.Single().Success, finOpsWrite.Single().ToString());
        var dataverseApp = new DataverseClient(harness.DataverseEmulator.Transport("app"), harness.DataverseEmulator.Schema);
        var dataverseWrite = await dataverseApp.WriteAsync(
            [new DataverseWrite("transactioncurrency", DataverseOperation.Create, Values: new Row
            {
                ["isocurrencycode"] = "ZZB",
                ["currencyname"] = "Test B",
                ["currencysymbol"] = "B",
                ["exchangerate"] = 1m,
            })],
            atomic: false,
            CancellationToken.None);
        Assert.True(dataverseWrite.Single().Success, dataverseWrite.Single().Message);

        // Dataverse calls twice: inside the transaction, and once it has committed.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Calls.Count >= 3), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20)));
        Assert.Equal(
            [("/dualwrite/hooks/dataverse", dataverseSecret), ("/dualwrite/hooks/dataverse", dataverseSecret), ("/dualwrite/hooks/finops", secret)],
            receiver.Calls.Select(c => (c.Path, c.Headers.GetValueOrDefault("X-DualWrite-Hook-Secret"))).OrderBy(c => c.Path, StringComparer.Ordinal).ToArray());
    }
}
