using System.Globalization;

namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// A new F&amp;O with data in usmf and an existing Dataverse whose accounts have no company, some under account
/// numbers usmf also has. F&amp;O's company is added to the connection for its data; a new company is made for the
/// CRM's accounts, added, and the accounts bootstrapped with its code; one initial sync copies both ways.
/// </summary>
public sealed class NewFinOpsWithDataExistingDataverseTests
{
    [Fact]
    public async Task F_and_O_data_and_the_CRMs_accounts_meet_in_their_own_companies_and_one_number_gives_an_account_in_each()
    {
        await using var world = await SetupHarness.StartAsync(finOpsWithData: true);
        await world.AddCrmAccountsAsync([
            .. Enumerable.Range(1, 3).Select(n => (string.Create(CultureInfo.InvariantCulture, $"C-{n:D4}"), $"CRM name {n}")),
            .. Enumerable.Range(1, 12).Select(n => (string.Create(CultureInfo.InvariantCulture, $"CRM-{n:D3}"), $"CRM only {n}"))]);
        await world.LinkAsync("dat");
        await world.Admin.AddCompanyAsync("usmf");

        await world.CreateCompanyInFinOpsAsync("fab", "Fabrikam");
        await world.Admin.AddCompanyAsync("fab");
        var stamped = await world.Admin.BootstrapCompanyAsync("fab", "account");
        var maps = await world.RunAccountDependenciesAsync("Dataverse");
        await world.GiveAccountsGroupAsync("fab", "10");
        await world.Admin.RunAsync([SetupHarness.Accounts], initialSync: true, master: "Dataverse");

        Assert.Equal(15, stamped.GetProperty("counts").GetProperty("updated").GetInt64());
        var totals = await world.AssertEveryRunningMapAgreesAsync();
        Assert.Equal(maps.Order(StringComparer.Ordinal), totals.Keys.Order(StringComparer.Ordinal));
        var usmf = await world.CustomersAsync("usmf");
        var fab = await world.CustomersAsync("fab");
        var accounts = await world.AccountsAsync();
        Assert.Equal(15, fab.Count);
        Assert.Equal(("CRM name 1", "CRM name 1"), (fab["C-0001"], accounts["fab|C-0001"]));
        Assert.Equal(usmf["C-0001"], accounts["usmf|C-0001"]);
        Assert.NotEqual("CRM name 1", usmf["C-0001"]);
    }
}
