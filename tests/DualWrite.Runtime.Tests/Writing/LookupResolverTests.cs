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
}
