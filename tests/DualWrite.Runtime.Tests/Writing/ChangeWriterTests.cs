using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Tests.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Tests.Writing;

public sealed class ChangeWriterTests
{
    [Fact]
    public async Task A_row_the_service_refuses_fails_alone_and_the_rest_of_its_batch_is_written()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: false);
        var writer = new ChangeWriter(harness.FinOps, harness.Dataverse, new LookupResolver(harness.Dataverse), new ChangeWriterOptions(BatchSize: 10, Parallelism: 2));
        var company = (await harness.Dataverse.CompanyIdAsync("dat", CancellationToken.None))!.Value;
        var rows = Enumerable.Range(0, 25).Select(i => new DataverseRowWrite(
            RowKey.Of(("CustomerAccount", $"W-{i:D2}")),
            "dat",
            "account",
            i == 13 ? DataverseOperation.Update : DataverseOperation.Upsert,
            i == 13 ? DataverseKey.ById(Guid.NewGuid()) : DataverseKey.ByAlternateKey(("accountnumber", $"W-{i:D2}"), ("msdyn_company", company)),
            new Row { ["name"] = $"Account {i}" },
            [])).ToArray();

        var outcomes = await writer.WriteToDataverseAsync(rows, CancellationToken.None);

        Assert.Equal(24, outcomes.Count(o => o.Success));
        var failed = Assert.Single(outcomes, o => !o.Success);
        Assert.Equal("customerAccount='W-13'", failed.Key.ToString(), ignoreCase: true);
        Assert.Contains("Does Not Exist", failed.Message, StringComparison.Ordinal);
        Assert.Equal(24, (await harness.AccountsAsync()).Count);
    }

    [Fact]
    public async Task Upserts_go_as_one_request_and_when_one_is_refused_the_others_are_still_written()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: false);
        var transport = harness.DataverseEmulator.Transport();
        var dataverse = new DataverseClient(transport, harness.DataverseEmulator.Schema);
        var writer = new ChangeWriter(harness.FinOps, dataverse, new LookupResolver(dataverse), new ChangeWriterOptions(BatchSize: 50, Parallelism: 1));
        var company = (await dataverse.CompanyIdAsync("dat", CancellationToken.None))!.Value;
        DataverseRowWrite Upsert(int i, string name) => new(
            RowKey.Of(("CustomerAccount", $"U-{i:D2}")), "dat", "account", DataverseOperation.Upsert,
            DataverseKey.ByAlternateKey(("accountnumber", $"U-{i:D2}"), ("msdyn_company", company)), new Row { ["name"] = name }, []);

        var requests = transport.Statistics.Requests;
        Assert.All(await writer.WriteToDataverseAsync(Enumerable.Range(0, 30).Select(i => Upsert(i, $"Account {i}")).ToArray(), CancellationToken.None), o => Assert.True(o.Success, o.Message));
        Assert.Equal(requests + 1, transport.Statistics.Requests);

        var outcomes = await writer.WriteToDataverseAsync(Enumerable.Range(0, 30).Select(i => Upsert(i, i == 7 ? new string('x', 500) : $"Renamed {i}")).ToArray(), CancellationToken.None);

        var refused = Assert.Single(outcomes, o => !o.Success);
        Assert.Equal("customerAccount='U-07'", refused.Key.ToString(), ignoreCase: true);
        Assert.Contains("at most 160", refused.Message, StringComparison.Ordinal);
        var accounts = await harness.AccountsAsync();
        Assert.Equal(30, accounts.Count);
        Assert.StartsWith("Renamed 8|", accounts["dat|U-08"], StringComparison.Ordinal);
        Assert.StartsWith("Account 7|", accounts["dat|U-07"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_just_upserted_by_its_alternate_key_is_found_by_a_lookup_without_asking()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: false);
        var transport = harness.DataverseEmulator.Transport();
        var dataverse = new DataverseClient(transport, harness.DataverseEmulator.Schema);
        var writer = new ChangeWriter(harness.FinOps, dataverse, new LookupResolver(dataverse), new ChangeWriterOptions(BatchSize: 50, Parallelism: 1));
        var company = (await dataverse.CompanyIdAsync("dat", CancellationToken.None))!.Value;
        var written = await writer.WriteToDataverseAsync(
            [new DataverseRowWrite(
                RowKey.Of(("CustomerAccount", "R-01")), "dat", "account", DataverseOperation.Upsert,
                DataverseKey.ByAlternateKey(("accountnumber", "R-01"), ("msdyn_company", company)), new Row { ["name"] = "Remembered" }, [])],
            CancellationToken.None);
        Assert.True(written[0].Success, written[0].Message);

        var requests = transport.Statistics.Requests;
        var companyRequest = new LookupRequest("msdyn_company", "cdm_company", [new LookupCondition("cdm_companycode", "dat")], "msdyn_company.cdm_companycode");
        var billing = new LookupRequest(
            "msdyn_billingaccount", "account", [new LookupCondition("accountnumber", "R-01"), new LookupCondition("msdyn_company", null, companyRequest)], "msdyn_billingaccount.accountnumber");
        var id = await writer.Lookups.ResolveAsync(billing, CancellationToken.None);

        // Only the company was asked for.
        Assert.Equal(requests + 1, transport.Statistics.Requests);
        var accounts = await dataverse.ReadPagesAsync("account", new DataverseQuery { Filter = "accountnumber eq 'R-01'" }, CancellationToken.None).SingleAsync();
        Assert.Equal(accounts.Single()["accountid"], id);
    }

    [Fact]
    public async Task A_lookup_that_finds_nothing_fails_its_row_before_anything_is_sent()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: false);
        var writer = new ChangeWriter(harness.FinOps, harness.Dataverse, new LookupResolver(harness.Dataverse), new ChangeWriterOptions());
        var company = (await harness.Dataverse.CompanyIdAsync("dat", CancellationToken.None))!.Value;
        var datCompany = new LookupRequest("msdyn_company", "cdm_company", [new LookupCondition("cdm_companycode", "dat")], "msdyn_company.cdm_companycode");
        var missingGroup = new LookupRequest("msdyn_customergroupid", "msdyn_customergroup", [new LookupCondition("msdyn_groupid", "77"), new LookupCondition("msdyn_company", null, datCompany)], "msdyn_customergroupid.msdyn_groupid");
        var outcome = Assert.Single(await writer.WriteToDataverseAsync(
            [new DataverseRowWrite(RowKey.Of(("CustomerAccount", "L-1")), "dat", "account", DataverseOperation.Upsert, DataverseKey.ByAlternateKey(("accountnumber", "L-1"), ("msdyn_company", company)), new Row { ["name"] = "L" }, [missingGroup])],
            CancellationToken.None));

        Assert.False(outcome.Success);
        Assert.Equal("msdyn_customergroupid.msdyn_groupid", outcome.Field);
        Assert.Equal("lookup msdyn_customergroupid.msdyn_groupid = '77' not found in company dat", outcome.Message);
        Assert.Empty(await harness.AccountsAsync());
    }
}
