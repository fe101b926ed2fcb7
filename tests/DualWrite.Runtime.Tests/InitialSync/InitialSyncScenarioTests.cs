using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Environments.Faults;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Tests.InitialSync;

public sealed class InitialSyncScenarioTests
{
    private const string Accounts = "Customers V3 (accounts)";

    [Fact]
    public async Task Rows_only_in_Dataverse_are_created_in_FinOps_with_the_maps_defaults()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: true);
        await harness.SyncAsync(Master.Dataverse, SyncHarness.Dependencies);
        await CreateAccountsAsync(harness, "gbsi", ("CRM-001", "Fabrikam UK", "20"), ("CRM-002", "Litware UK", "30"));

        await harness.SyncAsync(Master.Dataverse, Accounts);

        var created = await harness.FinOps.ReadAsync("CustomersV3", RowKey.Of(("dataAreaId", "gbsi"), ("CustomerAccount", "CRM-002")), CancellationToken.None);
        Assert.NotNull(created);
        Assert.Equal("Litware UK", created["OrganizationName"]);
        Assert.Equal("30", created["CustomerGroupId"]);
        Assert.Equal(Organization(harness), created["PartyType"]);
        Assert.Equal("en-us", created["LanguageId"]);
    }

    [Theory]
    [InlineData(Master.Dataverse)]
    [InlineData(Master.FinOps)]
    public async Task Rows_on_both_sides_that_differ_take_the_masters_values_and_both_sides_end_equal(Master master)
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: true);
        await harness.SyncAsync(Master.Dataverse, SyncHarness.Dependencies);
        var customer = (await harness.FinOps.ReadAsync("CustomersV3", RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001")), CancellationToken.None))!;
        await CreateAccountsAsync(harness, "usmf", ("US-001", "Renamed in Dataverse", (string)customer["CustomerGroupId"]!));

        await harness.SyncAsync(master, Accounts);

        var expected = master == Master.Dataverse ? "Renamed in Dataverse" : (string)customer["OrganizationName"]!;
        var accounts = await harness.AccountsAsync();
        var customers = await harness.CustomersAsync();
        Assert.StartsWith(expected + "|", accounts["usmf|US-001"], StringComparison.Ordinal);
        Assert.StartsWith(expected + "|", customers["usmf|US-001"], StringComparison.Ordinal);
        foreach (var (key, account) in accounts)
        {
            Assert.Equal(customers[key].Split('|')[0], account.Split('|')[0]);
        }
    }

    [Fact]
    public async Task A_lookup_that_cannot_be_resolved_fails_that_row_only_naming_field_and_value()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: true);
        await harness.SyncAsync(Master.Dataverse, SyncHarness.Dependencies);
        var (broken, fine) = await TwoOrganisationsAsync(harness);
        var outcomes = await harness.FinOps.WriteAsync(
            [FinOpsWrite.Update("CustomersV3", RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", broken)), new Row { ["CustomerGroupId"] = "99" })],
            atomic: true,
            CancellationToken.None);
        Assert.True(outcomes[0].Success, outcomes[0].Message);

        var progress = (await harness.SyncAsync(Master.Dataverse, Accounts))[Accounts];

        Assert.Equal(1, progress.Sum(p => p.ToDataverse.Failed));
        var run = await harness.Store.Store.GetLatestSyncRunAsync(Accounts, CancellationToken.None);
        var error = Assert.Single(await harness.Store.Store.GetSyncErrorsAsync(run!.Id, 0, 10, CancellationToken.None));
        Assert.Equal($"dataAreaId='usmf',CustomerAccount='{broken}'", error.Key);
        Assert.Equal("msdyn_customergroupid.msdyn_groupid", error.Field);
        Assert.Equal("lookup msdyn_customergroupid.msdyn_groupid = '99' not found in company usmf", error.Message);
        Assert.False((await harness.AccountsAsync()).ContainsKey($"usmf|{broken}"));
        Assert.True((await harness.AccountsAsync()).ContainsKey($"usmf|{fine}"));
    }

    [Fact]
    public async Task Throttling_one_request_in_five_on_both_sides_changes_nothing_in_the_result()
    {
        await using var calm = await SyncHarness.StartAsync(finOpsDemo: true);
        await calm.SyncAsync(Master.Dataverse, [.. SyncHarness.Dependencies, Accounts]);

        await using var throttled = await SyncHarness.StartAsync(finOpsDemo: true);
        await throttled.FinOpsEmulator.SetFaultsAsync(new FaultSettings { ThrottleShare = 0.2, RetryAfterSeconds = 0 });
        await throttled.DataverseEmulator.SetFaultsAsync(new FaultSettings { ThrottleShare = 0.2, RetryAfterSeconds = 0 });
        var progress = await throttled.SyncAsync(Master.Dataverse, [.. SyncHarness.Dependencies, Accounts]);

        Assert.Equal(await calm.AccountsAsync(), await throttled.AccountsAsync());
        var failed = progress.Where(p => p.Value.Sum(c => c.ToDataverse.Failed + c.ToFinOps.Failed) > 0).Select(p => p.Key).ToArray();
        var details = new List<string>();
        foreach (var map in failed)
        {
            var run = await throttled.Store.Store.GetLatestSyncRunAsync(map, CancellationToken.None);
            details.AddRange((await throttled.Store.Store.GetSyncErrorsAsync(run!.Id, 0, 5, CancellationToken.None)).Select(e => $"{map}: {e.Key} {e.Field} {e.Message}"));
        }

        Assert.True(details.Count == 0, string.Join("\n", details));
    }

    [Fact]
    public async Task A_run_stopped_half_way_and_continued_from_its_checkpoint_ends_as_an_uninterrupted_run()
    {
        await using var whole = await SyncHarness.StartAsync(finOpsDemo: true);
        await whole.SyncAsync(Master.Dataverse, [.. SyncHarness.Dependencies, Accounts]);

        await using var stopped = await SyncHarness.StartAsync(finOpsDemo: true);
        await stopped.SyncAsync(Master.Dataverse, SyncHarness.Dependencies);
        var run = await stopped.Store.Store.StartSyncRunAsync(Accounts, Master.Dataverse, skipFailedKeys: false, CancellationToken.None);
        using (var stop = new CancellationTokenSource())
        {
            var watching = WatchAsync(stopped, run.Id, stop);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.ContinueAsync(run, stop.Token, checkpointEvery: 50));
            await watching;
        }

        var checkpoint = await stopped.Store.Store.GetSyncProgressAsync(run.Id, CancellationToken.None);
        Assert.Contains(checkpoint, p => p.LastKey is not null);
        Assert.DoesNotContain(checkpoint, p => p.Company == "dat" && p.Done);

        await stopped.Store.ReopenAsync();
        var progress = await stopped.ContinueAsync((await stopped.Store.Store.GetLatestSyncRunAsync(Accounts, CancellationToken.None))!, CancellationToken.None, checkpointEvery: 50);

        Assert.All(progress, p => Assert.True(p.Done));
        Assert.Equal(await whole.AccountsAsync(), await stopped.AccountsAsync());
    }

    /// <summary>Stops the run as soon as its first checkpoint is saved, wherever it then is.</summary>
    private static async Task WatchAsync(SyncHarness harness, long runId, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if ((await harness.Store.Store.GetSyncProgressAsync(runId, CancellationToken.None)).Any(p => p.LastKey is not null))
            {
                await stop.CancelAsync();
                return;
            }

            await Task.Delay(5);
        }
    }

    private static async Task<(string, string)> TwoOrganisationsAsync(SyncHarness harness)
    {
        await foreach (var page in harness.FinOps.ReadPagesAsync("CustomersV3", new FinOpsQuery { Company = "usmf", Filter = "PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Organization'" }, CancellationToken.None))
        {
            return ((string)page[0]["CustomerAccount"]!, (string)page[1]["CustomerAccount"]!);
        }

        throw new InvalidOperationException("the demo data has no organisations in usmf");
    }

    private static int Organization(SyncHarness harness) =>
        harness.FinOpsEmulator.Schema.Enums.Single(e => e.Name == "DirPartyBaseType").FindByName("Organization")!.Value;

    private static async Task CreateAccountsAsync(SyncHarness harness, string company, params (string Number, string Name, string Group)[] accounts)
    {
        var companyId = (await harness.Dataverse.CompanyIdAsync(company, CancellationToken.None))!.Value;
        var writes = new List<DataverseWrite>();
        foreach (var (number, name, group) in accounts)
        {
            var groupId = await harness.Dataverse.FindIdAsync("msdyn_customergroup", new Dictionary<string, object?> { ["msdyn_groupid"] = group, ["msdyn_company"] = companyId }, CancellationToken.None);
            writes.Add(new DataverseWrite(
                "account",
                DataverseOperation.Upsert,
                DataverseKey.ByAlternateKey(("accountnumber", number), ("msdyn_company", companyId)),
                new Row { ["name"] = name, ["customertypecode"] = 3 },
                new Dictionary<string, Guid?> { ["msdyn_customergroupid"] = groupId }));
        }

        var outcomes = await harness.Dataverse.WriteAsync(writes, atomic: true, CancellationToken.None);
        Assert.All(outcomes, o => Assert.True(o.Success, o.Message));
    }
}
