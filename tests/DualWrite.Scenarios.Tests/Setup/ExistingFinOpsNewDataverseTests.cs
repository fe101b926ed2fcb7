namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// An existing F&amp;O with customers in several companies and a new Dataverse. The customers are many, so, as the
/// guidance advises for large volumes, they go over as a data-management export loaded into Dataverse, and the
/// initial sync that follows finds them already there.
/// </summary>
public sealed class ExistingFinOpsNewDataverseTests
{
    [Fact]
    public async Task Customers_loaded_from_an_export_are_found_equal_by_the_initial_sync_and_an_unlinked_companys_rows_are_skipped()
    {
        await using var world = await SetupHarness.StartAsync(finOpsWithData: true);
        await world.AddCustomersAsync("usmf", "USX-", 60, "10", "USD", "Net30");
        await world.AddCustomersAsync("gbsi", "GBX-", 40, "10", "GBP", "Net30");
        await world.LinkAsync("usmf", "gbsi");
        var maps = await world.RunAccountDependenciesAsync("FinOps");
        var datCustomers = await world.FinOps.CountAsync("CustomersV3", "dat", CancellationToken.None);

        var job = await world.Admin.BootstrapFileAsync(SetupHarness.Accounts, await world.ExportCustomersAsync("usmf", "gbsi", "dat"));
        await world.Admin.RunAsync([SetupHarness.Accounts], initialSync: true, master: "FinOps");

        var usmf = await world.CustomersAsync("usmf");
        var gbsi = await world.CustomersAsync("gbsi");
        var loaded = job.GetProperty("counts");
        Assert.True((loaded.GetProperty("created").GetInt64(), loaded.GetProperty("failed").GetInt64()) == (usmf.Count + gbsi.Count, 0), $"the file bootstrap: {job}");
        // Every customer of dat, organisation or person, is left out for its company before the map's filter is asked.
        Assert.Equal(datCustomers, job.GetProperty("unlinkedCompanies").GetProperty("dat").GetInt64());
        Assert.Equal((0, 0, usmf.Count + gbsi.Count), await world.InitialSyncTotalsAsync(SetupHarness.Accounts, "toDataverse"));
        var totals = await world.AssertEveryRunningMapAgreesAsync();
        Assert.Equal(maps.Order(StringComparer.Ordinal), totals.Keys.Order(StringComparer.Ordinal));
        var accounts = await world.AccountsAsync();
        Assert.Equal("USMF customer 42", accounts["usmf|USX-042"]);
        Assert.DoesNotContain(accounts.Keys, k => k.StartsWith("dat|", StringComparison.Ordinal));
    }
}
