using System.Globalization;

namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// An existing F&amp;O with customers in several companies and an existing Dataverse whose accounts have no company,
/// some under account numbers F&amp;O also has, with other names. The connection is set up for usmf and gbsi, the
/// CRM's accounts are bootstrapped into usmf, gbsi's many customers go over as a file, and the initial sync settles
/// the rest with Dataverse as master.
/// </summary>
public sealed class ExistingFinOpsExistingDataverseTests
{
    [Fact]
    public async Task Bootstrapped_accounts_and_a_loaded_file_end_in_agreement_with_Dataverse_winning_where_both_sides_had_a_row()
    {
        await using var world = await SetupHarness.StartAsync(finOpsWithData: true);
        await world.AddCustomersAsync("usmf", "USX-", 30, "10", "USD", "Net30");
        await world.AddCustomersAsync("gbsi", "GBX-", 40, "10", "GBP", "Net30");
        await world.AddCrmAccountsAsync([
            .. Enumerable.Range(1, 5).Select(n => ($"USX-{n:D3}", $"CRM name {n}")),
            .. Enumerable.Range(1, 10).Select(n => (string.Create(CultureInfo.InvariantCulture, $"CRM-{n:D3}"), $"CRM only {n}"))]);
        await world.LinkAsync("usmf", "gbsi");

        var stamped = await world.Admin.BootstrapCompanyAsync("usmf", "account");
        var maps = await world.RunAccountDependenciesAsync("Dataverse");
        await world.GiveAccountsGroupAsync("usmf", "10");
        var loaded = await world.Admin.BootstrapFileAsync(SetupHarness.Accounts, await world.ExportCustomersAsync("gbsi"));
        await world.Admin.RunAsync([SetupHarness.Accounts], initialSync: true, master: "Dataverse");

        Assert.Equal(15, stamped.GetProperty("counts").GetProperty("updated").GetInt64());
        Assert.Equal(0, loaded.GetProperty("counts").GetProperty("failed").GetInt64());
        var totals = await world.AssertEveryRunningMapAgreesAsync();
        Assert.Equal(maps.Order(StringComparer.Ordinal), totals.Keys.Order(StringComparer.Ordinal));
        var usmf = await world.CustomersAsync("usmf");
        var accounts = await world.AccountsAsync();
        Assert.Equal(("CRM name 2", "CRM name 2"), (usmf["USX-002"], accounts["usmf|USX-002"]));
        Assert.Equal("USMF customer 6", accounts["usmf|USX-006"]);
        Assert.Equal("CRM only 7", usmf["CRM-007"]);
        Assert.Equal("GBSI customer 40", accounts["gbsi|GBX-040"]);
        Assert.DoesNotContain(accounts.Keys, k => k.StartsWith('|'));
    }
}
