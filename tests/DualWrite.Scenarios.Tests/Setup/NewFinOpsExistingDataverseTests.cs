using System.Globalization;

namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// A new F&amp;O with no data and an existing Dataverse whose accounts have no company: a new company is made in
/// F&amp;O, added to the connection, the accounts are bootstrapped with its code, and the initial sync takes them to
/// F&amp;O.
/// </summary>
public sealed class NewFinOpsExistingDataverseTests
{
    [Fact]
    public async Task Accounts_bootstrapped_into_a_new_company_reach_F_and_O_and_every_running_map_agrees()
    {
        await using var world = await SetupHarness.StartAsync(finOpsWithData: false);
        await world.AddCrmAccountsAsync([.. Enumerable.Range(1, 20).Select(n => (string.Create(CultureInfo.InvariantCulture, $"CRM-{n:D3}"), $"CRM account {n}"))]);
        await world.LinkAsync("dat");

        await world.CreateCompanyInFinOpsAsync("fab", "Fabrikam");
        await world.Admin.AddCompanyAsync("fab");
        var stamped = await world.Admin.BootstrapCompanyAsync("fab", "account");
        var maps = await world.RunAccountDependenciesAsync("Dataverse");
        await world.GiveAccountsGroupAsync("fab", "10");
        await world.Admin.RunAsync([SetupHarness.Accounts], initialSync: true, master: "Dataverse");

        Assert.Equal(20, stamped.GetProperty("counts").GetProperty("updated").GetInt64());
        Assert.Equal((20, 0, 0), await world.InitialSyncTotalsAsync(SetupHarness.Accounts, "toFinOps"));
        var totals = await world.AssertEveryRunningMapAgreesAsync();
        Assert.Equal(maps.Order(StringComparer.Ordinal), totals.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(20, totals[SetupHarness.Accounts].GetProperty("equal").GetInt64());
        Assert.Equal("CRM account 7", (await world.CustomersAsync("fab"))["CRM-007"]);
    }
}
