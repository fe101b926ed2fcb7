using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Bootstrap;
using DualWrite.Runtime.Tests.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Tests.Bootstrap;

public sealed class CompanyBootstrapTests
{
    [Fact]
    public async Task Rows_without_a_company_that_match_the_filter_get_it_and_rows_that_have_one_are_left_as_they_are()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: true);
        var gbsi = (await harness.Dataverse.CompanyIdAsync("gbsi", CancellationToken.None))!.Value;
        await CreateAsync(harness, ("Alpha", null), ("Beta", null), ("Gamma", null), ("Apex", gbsi));

        var result = await Bootstrap(harness).RunAsync(
            new CompanyBootstrapOptions("USMF", "accounts", "startswith(name,'A') or startswith(name,'G')") { BatchSize = 1 }, SyncHarness.Companies, null, CancellationToken.None);

        Assert.Equal("usmf", result.Company);
        Assert.Equal(2, result.Counts.Read);
        Assert.Equal(2, result.Counts.Updated);
        Assert.Empty(result.Errors);
        Assert.Equal(
            new Dictionary<string, string?> { ["Alpha"] = "usmf", ["Apex"] = "gbsi", ["Beta"] = null, ["Gamma"] = "usmf" },
            await CompaniesByNameAsync(harness));
    }

    [Fact]
    public async Task A_company_that_is_not_linked_or_a_table_without_companies_is_refused_before_anything_is_written()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: true);
        await CreateAsync(harness, ("Alpha", null));

        var unlinked = await Assert.ThrowsAsync<BootstrapException>(() => Bootstrap(harness).RunAsync(new CompanyBootstrapOptions("jpmf", "account"), SyncHarness.Companies, null, CancellationToken.None));
        var global = await Assert.ThrowsAsync<BootstrapException>(() => Bootstrap(harness).RunAsync(new CompanyBootstrapOptions("usmf", "transactioncurrencies"), SyncHarness.Companies, null, CancellationToken.None));
        var filter = await Assert.ThrowsAsync<BootstrapException>(() => Bootstrap(harness).RunAsync(new CompanyBootstrapOptions("usmf", "account", "name eq"), SyncHarness.Companies, null, CancellationToken.None));

        Assert.Contains("'jpmf' is not linked", unlinked.Message, StringComparison.Ordinal);
        Assert.Contains("not company-specific", global.Message, StringComparison.Ordinal);
        Assert.Contains("does not parse", filter.Message, StringComparison.Ordinal);
        Assert.Null((await CompaniesByNameAsync(harness))["Alpha"]);
    }

    private static CompanyBootstrap Bootstrap(SyncHarness harness) =>
        new(harness.Dataverse, new ChangeWriter(harness.FinOps, harness.Dataverse, new LookupResolver(harness.Dataverse), new ChangeWriterOptions(BatchSize: 2, Parallelism: 2)), harness.DataverseEmulator.Schema);

    private static async Task CreateAsync(SyncHarness harness, params (string Name, Guid? Company)[] accounts)
    {
        var writes = accounts.Select(a => new DataverseWrite("account", DataverseOperation.Create, Values: a.Company is { } company
            ? new Row { ["name"] = a.Name, ["msdyn_company"] = company }
            : new Row { ["name"] = a.Name })).ToArray();
        Assert.All(await harness.Dataverse.WriteAsync(writes, atomic: true, CancellationToken.None), o => Assert.True(o.Success, o.Message));
    }

    private static async Task<Dictionary<string, string?>> CompaniesByNameAsync(SyncHarness harness)
    {
        var companies = new Dictionary<string, string?>();
        await foreach (var account in harness.Dataverse.ReadRowsAsync("account", new DataverseQuery { Expand = ["msdyn_company.cdm_companycode"] }, CancellationToken.None))
        {
            companies[(string)account["name"]!] = account["msdyn_company.cdm_companycode"] as string;
        }

        return companies;
    }
}
