namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// A new F&amp;O that already has data in several companies, and a new Dataverse: the connection is set up for DAT,
/// the companies with data are added to it, and an initial sync copies their rows to Dataverse.
/// </summary>
public sealed class NewFinOpsWithDataNewDataverseTests
{
    [Fact]
    public async Task Companies_added_to_the_connection_are_copied_by_initial_sync_and_one_account_number_in_two_companies_stays_two_accounts()
    {
        await using var world = await SetupHarness.StartAsync(finOpsWithData: true);
        await world.LinkAsync("dat");
        await world.Admin.AddCompanyAsync("usmf");
        await world.Admin.AddCompanyAsync("gbsi");

        var maps = await world.RunAccountsAsync(initialSync: true, master: "FinOps");

        var totals = await world.AssertEveryRunningMapAgreesAsync();
        Assert.Equal(maps.Order(StringComparer.Ordinal), totals.Keys.Order(StringComparer.Ordinal));
        var usmf = await world.CustomersAsync("usmf");
        var gbsi = await world.CustomersAsync("gbsi");
        Assert.Equal(usmf.Count + gbsi.Count + (await world.CustomersAsync("dat")).Count, totals[SetupHarness.Accounts].GetProperty("equal").GetInt64());
        var accounts = await world.AccountsAsync();
        Assert.Equal(usmf["C-0001"], accounts["usmf|C-0001"]);
        Assert.Equal(gbsi["C-0001"], accounts["gbsi|C-0001"]);
        Assert.NotEqual(accounts["usmf|C-0001"], accounts["gbsi|C-0001"]);
    }
}
