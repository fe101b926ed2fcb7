using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Tests.InitialSync;

public sealed class InitialSyncTests
{
    private static readonly string[] Chain = [.. SyncHarness.Dependencies, "Customers V3 (accounts)"];

    [Fact]
    public async Task Customers_in_FinOps_are_created_as_accounts_with_their_lookups_in_an_empty_Dataverse()
    {
        await using var harness = await SyncHarness.StartAsync();
        var results = await harness.SyncAsync(Master.Dataverse, Chain);

        var accounts = results["Customers V3 (accounts)"];
        var organisations = 0L;
        await foreach (var page in harness.FinOps.ReadPagesAsync("CustomersV3", new FinOpsQuery { Filter = "PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Organization'" }, CancellationToken.None))
        {
            organisations += page.Count;
        }

        var run = await harness.Store.Store.GetLatestSyncRunAsync("Customers V3 (accounts)", CancellationToken.None);
        var errors = await harness.Store.Store.GetSyncErrorsAsync(run!.Id, 0, 1000, CancellationToken.None);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"{e.Key} {e.Field} {e.Message}")) + "\n" + string.Join("\n", accounts));
        Assert.Equal(organisations, accounts.Sum(p => p.ToDataverse.Created));
        Assert.Equal(0, accounts.Sum(p => p.ToDataverse.Failed));

        // People are customers too, but the map's filter takes organisations only: the rest are read and left out.
        Assert.True(accounts.Sum(p => p.ToDataverse.Skipped) > 0);
        Assert.Equal(accounts.Sum(p => p.ToDataverse.Read), accounts.Sum(p => p.ToDataverse.Created + p.ToDataverse.Skipped));
        Assert.All(accounts, p => Assert.True(p.Done));

        var synced = 0;
        await foreach (var page in harness.Dataverse.ReadPagesAsync("account", new DataverseQuery { Expand = ["msdyn_company.cdm_companycode", "msdyn_customergroupid.msdyn_groupid", "transactioncurrencyid.isocurrencycode"] }, CancellationToken.None))
        {
            foreach (var account in page)
            {
                synced++;
                Assert.NotNull(account["msdyn_company.cdm_companycode"]);
                Assert.NotNull(account["msdyn_customergroupid.msdyn_groupid"]);
                Assert.Equal(3, account["customertypecode"]);
            }
        }

        Assert.Equal(organisations, synced);
    }

    [Fact]
    public async Task A_second_run_finds_everything_in_place_and_writes_nothing()
    {
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync(Master.Dataverse, Chain);
        var again = await harness.SyncAsync(Master.Dataverse, Chain);

        foreach (var (map, progress) in again)
        {
            Assert.True(progress.Sum(p => p.ToDataverse.Created + p.ToDataverse.Updated + p.ToFinOps.Created + p.ToFinOps.Updated) == 0, $"{map} wrote again: {string.Join("; ", progress)}");
        }
    }
}
