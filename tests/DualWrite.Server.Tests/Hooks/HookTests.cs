using System.Net;
using System.Text;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.LiveSync;

namespace DualWrite.Server.Tests.Hooks;

public sealed class HookTests : IAsyncLifetime
{
    private const string Groups = "Customer groups";
    private ServerHarness harness = null!;

    public async Task InitializeAsync() => harness = await ServerHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task While_a_map_initialises_an_FandO_change_to_its_entity_is_committed_and_queued_in_the_maps_lane()
    {
        await InitialiseGroupsAsync();

        var outcomes = await harness.FinOps.WriteAsync([FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = "77", ["Description"] = "New" })], atomic: true, CancellationToken.None);

        Assert.True(Assert.Single(outcomes).Success, outcomes[0].Message);
        Assert.NotNull(await harness.FinOps.ReadAsync("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "77")), CancellationToken.None));
        var queued = Assert.Single(await harness.Runtime.Store.ReadQueueAsync(Groups, 0, 10, CancellationToken.None));
        Assert.Equal((HookSource.FinOps, "CustomerGroups", ChangeOperation.Create), (queued.Source, queued.Table, queued.Operation));
        Assert.Equal(RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "77")).ToString(), queued.Key);
    }

    [Fact]
    public async Task While_a_map_initialises_a_Dataverse_change_to_its_table_is_committed_and_queued_with_its_key()
    {
        await InitialiseGroupsAsync();
        var usmf = await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None);

        var outcomes = await harness.Dataverse.WriteAsync(
            [new DataverseWrite("msdyn_customergroup", DataverseOperation.Create, Values: new Row { ["msdyn_groupid"] = "77" }, Binds: new Dictionary<string, Guid?> { ["msdyn_company"] = usmf })],
            atomic: true,
            CancellationToken.None);

        Assert.True(Assert.Single(outcomes).Success, outcomes[0].Message);
        var queued = Assert.Single(await harness.Runtime.Store.ReadQueueAsync(Groups, 0, 10, CancellationToken.None));
        Assert.Equal((HookSource.Dataverse, "msdyn_customergroups", ChangeOperation.Create), (queued.Source, queued.Table, queued.Operation));
        Assert.Equal(RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "77")).ToString(), queued.Key);
    }

    [Fact]
    public async Task Changes_that_concern_no_started_map_are_let_through()
    {
        await InitialiseGroupsAsync();

        // Customers V3 is not started: its rows change as if no runtime were linked.
        var key = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));
        var outcomes = await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomersV3", key, new Row { ["OrganizationName"] = "Renamed" })], atomic: true, CancellationToken.None);

        Assert.True(Assert.Single(outcomes).Success, outcomes[0].Message);
        Assert.Equal("Renamed", (await harness.FinOps.ReadAsync("CustomersV3", key, CancellationToken.None))?["OrganizationName"]);
        Assert.Empty(await harness.Runtime.Store.GetQueueStatsAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("hooks/finops", null)]
    [InlineData("hooks/finops", "dataverse")]
    [InlineData("hooks/dataverse", "finops")]
    [InlineData("hooks/finops", "not-the-secret")]
    [InlineData("hooks/dataverse", "not-the-secret")]
    public async Task A_hook_call_without_the_links_secret_is_answered_401_and_changes_nothing(string path, string? secret)
    {
        await InitialiseGroupsAsync();
        using var http = new HttpClient { BaseAddress = harness.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("""{"changes":[]}""", Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            // Each registration has a secret of its own: the other side's is refused too.
            var other = secret switch { "dataverse" => HookSource.Dataverse, "finops" => HookSource.FinOps, _ => (HookSource?)null };
            request.Headers.Add(ConnectionService.HookSecretHeader, other is { } side ? await harness.Runtime.Connection.GetHookSecretAsync(side, CancellationToken.None) : secret);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("did not carry this runtime's secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(MapState.Initializing, await harness.Runtime.Store.GetStateAsync(Groups, CancellationToken.None));
    }

    [Fact]
    public async Task A_hook_call_that_cannot_be_read_is_answered_400_with_what_is_wrong()
    {
        using var http = new HttpClient { BaseAddress = harness.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "hooks/finops") { Content = new StringContent("""{"transactionId":1}""", Encoding.UTF8, "application/json") };
        request.Headers.Add(ConnectionService.HookSecretHeader, await harness.Runtime.Connection.GetHookSecretAsync(HookSource.FinOps, CancellationToken.None));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no 'changes' array", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Customer groups with initial sync, and the runtime not told: it looks again only after the test, so the map
    /// stays Initializing throughout.
    /// </summary>
    private async Task InitialiseGroupsAsync()
    {
        await harness.Runtime.Lifecycle.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment", InitialSync: false), new RunItem(Groups)]), "tester", CancellationToken.None);
        Assert.Equal(MapState.Initializing, await harness.Runtime.Store.GetStateAsync(Groups, CancellationToken.None));
    }
}
