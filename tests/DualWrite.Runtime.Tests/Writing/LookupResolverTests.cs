using DualWrite.Core.Mapping;
using DualWrite.Runtime.Tests.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Tests.Writing;

public sealed class LookupResolverTests
{
    [Fact]
    public async Task A_row_found_is_asked_for_once_and_a_row_not_found_is_asked_for_again()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: false);
        var transport = harness.DataverseEmulator.Transport();
        var resolver = new LookupResolver(new Connectors.Dataverse.DataverseClient(transport, harness.DataverseEmulator.Schema));
        var usmf = new LookupRequest("msdyn_company", "cdm_company", [new LookupCondition("cdm_companycode", "USMF")], "msdyn_company.cdm_companycode");
        var nowhere = usmf with { Conditions = [new LookupCondition("cdm_companycode", "nowhere")] };

        var first = await resolver.ResolveAsync(usmf, CancellationToken.None);
        var requests = transport.Statistics.Requests;
        Assert.Equal(first, await resolver.ResolveAsync(usmf, CancellationToken.None));
        Assert.Equal(requests, transport.Statistics.Requests);

        Assert.Null(await resolver.ResolveAsync(nowhere, CancellationToken.None));
        Assert.Null(await resolver.ResolveAsync(nowhere, CancellationToken.None));
        Assert.Equal(requests + 2, transport.Statistics.Requests);
    }

    [Fact]
    public async Task The_cache_stays_within_its_capacity()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: false);
        var transport = harness.DataverseEmulator.Transport();
        var resolver = new LookupResolver(new Connectors.Dataverse.DataverseClient(transport, harness.DataverseEmulator.Schema), capacity: 2);
        LookupRequest Company(string code) => new("msdyn_company", "cdm_company", [new LookupCondition("cdm_companycode", code)], "msdyn_company.cdm_companycode");

        foreach (var code in SyncHarness.Companies)
        {
            Assert.NotNull(await resolver.ResolveAsync(Company(code), CancellationToken.None));
        }

        var requests = transport.Statistics.Requests;
        Assert.NotNull(await resolver.ResolveAsync(Company("usmf"), CancellationToken.None));
        Assert.Equal(requests + 1, transport.Statistics.Requests);
    }

    [Fact]
    public async Task A_row_asked_for_all_along_stays_while_rows_remembered_as_written_come_and_go()
    {
        await using var harness = await SyncHarness.StartAsync(finOpsDemo: false);
        var transport = harness.DataverseEmulator.Transport();
        var resolver = new LookupResolver(new Connectors.Dataverse.DataverseClient(transport, harness.DataverseEmulator.Schema), capacity: 4);
        var usmf = new LookupRequest("msdyn_company", "cdm_company", [new LookupCondition("cdm_companycode", "USMF")], "msdyn_company.cdm_companycode");
        var id = await resolver.ResolveAsync(usmf, CancellationToken.None);
        var requests = transport.Statistics.Requests;

        for (var i = 0; i < 20; i++)
        {
            resolver.Remember("account", [new("accountnumber", $"R-{i:00}")], Guid.NewGuid());
            Assert.Equal(id, await resolver.ResolveAsync(usmf, CancellationToken.None));
        }

        Assert.Equal(requests, transport.Statistics.Requests);
    }
}
