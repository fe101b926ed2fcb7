using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Rows;

namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// A new F&amp;O with no data and a new Dataverse: the connection is set up for DAT and the maps go live without an
/// initial sync, since neither side has anything to copy; from then on a row made on either side is on both.
/// </summary>
public sealed class NewFinOpsNewDataverseTests
{
    [Fact]
    public async Task Maps_go_live_without_initial_sync_and_rows_made_on_either_side_afterwards_agree()
    {
        await using var world = await SetupHarness.StartAsync(finOpsWithData: false);
        await world.LinkAsync("dat");

        var maps = await world.RunAccountsAsync(initialSync: false);

        Assert.Equal(SetupHarness.Accounts, maps[^1]);
        await world.CreateInFinOpsAsync("Currencies", new Row { ["CurrencyCode"] = "USD", ["Name"] = "US Dollar", ["Symbol"] = "$" });
        await world.CreateInFinOpsAsync("PaymentTerms", new Row { ["dataAreaId"] = "dat", ["Name"] = "Net30", ["Description"] = "Net 30 days", ["NumberOfDays"] = 30L });
        await world.CreateInFinOpsAsync("CustomerGroups", new Row { ["dataAreaId"] = "dat", ["CustomerGroupId"] = "10", ["Description"] = "Wholesale", ["PaymentTermId"] = "Net30" });
        await world.AddCustomersAsync("dat", "DAT-", 5, "10", "USD", "Net30");
        var dat = await world.Dataverse.CompanyIdAsync("dat", CancellationToken.None);
        var group = await world.Dataverse.FindIdAsync("msdyn_customergroup", new Dictionary<string, object?> { ["msdyn_groupid"] = "10", ["msdyn_company"] = dat }, CancellationToken.None);
        Assert.NotNull(group);
        var made = await world.Dataverse.WriteAsync(
            [new DataverseWrite("account", DataverseOperation.Create, Values: new Row { ["accountnumber"] = "CRM-001", ["name"] = "Made in Dataverse", ["customertypecode"] = 3 }, Binds: new Dictionary<string, Guid?> { ["msdyn_company"] = dat, ["msdyn_customergroupid"] = group })],
            atomic: true,
            CancellationToken.None);
        Assert.True(made[0].Success, made[0].Message);

        var totals = await world.AssertEveryRunningMapAgreesAsync();

        Assert.Equal(maps.Order(StringComparer.Ordinal), totals.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, totals[SetupHarness.Accounts].GetProperty("equal").GetInt64());
        Assert.Equal("Made in Dataverse", (await world.CustomersAsync("dat"))["CRM-001"]);
        Assert.Equal("DAT customer 3", (await world.AccountsAsync())["dat|DAT-003"]);
    }
}
