using DualWrite.Runtime.Connection;
using HookSource = DualWrite.Runtime.LiveSync.HookSource;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Tests.Connection;

public sealed class ResetTests : IAsyncLifetime
{
    private LinkHarness harness = null!;

    public async Task InitializeAsync() => harness = await LinkHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Reset_is_refused_while_a_map_runs_and_leaves_the_link_whole()
    {
        var info = await harness.LinkAsync("usmf", "dat");
        await harness.StartMapAsync("Customer groups");

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.ResetAsync(force: false, CancellationToken.None));

        Assert.Contains("'Customer groups' is Running", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(info.Hooks.FinOpsHookId, Assert.Single(await harness.FinOps.ListHooksAsync(CancellationToken.None)).Id);
        Assert.Single(await harness.ReadAllAsync("serviceendpoint"));
        Assert.NotNull(await harness.Service.GetAsync(CancellationToken.None));
        Assert.Equal(MapState.Running, await harness.Store.Store.GetStateAsync("Customer groups", CancellationToken.None));
    }

    [Fact]
    public async Task A_forced_reset_removes_the_hooks_on_both_sides_and_empties_the_store()
    {
        await harness.LinkAsync("usmf", "dat");
        await harness.StartMapAsync("Customer groups");

        var leftBehind = await harness.Service.ResetAsync(force: true, CancellationToken.None);

        Assert.Empty(leftBehind);
        Assert.Empty(await harness.FinOps.ListHooksAsync(CancellationToken.None));
        Assert.Empty(await harness.ReadAllAsync("serviceendpoint"));
        Assert.Empty(await harness.ReadAllAsync("sdkmessageprocessingstep"));
        var store = harness.Store.Store;
        Assert.Null(await store.GetConnectionAsync(CancellationToken.None));
        Assert.Empty(await store.GetCompaniesAsync(CancellationToken.None));
        Assert.Empty(await store.GetSolutionsAsync(CancellationToken.None));
        Assert.Empty(await store.GetActiveMapsAsync(CancellationToken.None));
        Assert.Empty(await store.GetStatesAsync(CancellationToken.None));
        Assert.Empty(await store.GetActivityAsync("Customer groups", 10, CancellationToken.None));
        Assert.Null(await harness.Service.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task After_a_reset_the_pair_links_again()
    {
        var first = await harness.LinkAsync("usmf");
        await harness.Service.ResetAsync(force: false, CancellationToken.None);

        var second = await harness.LinkAsync("gbsi", "usmf");

        Assert.NotEqual(first.Hooks.FinOpsHookId, second.Hooks.FinOpsHookId);
        Assert.Equal(second.Hooks.FinOpsHookId, Assert.Single(await harness.FinOps.ListHooksAsync(CancellationToken.None)).Id);
        Assert.Equal(second.Hooks.DataverseEndpointId, Assert.Single(await harness.ReadAllAsync("serviceendpoint"))["serviceendpointid"]);
        Assert.Equal(["gbsi", "usmf"], second.Companies);
        Assert.Equal(["gbsi", "usmf"], await harness.DataverseCompaniesAsync());
        Assert.Single(second.Solutions);
    }

    [Fact]
    public async Task Without_force_an_environment_that_is_gone_stops_the_reset_and_with_force_it_is_reported_and_the_store_cleared()
    {
        var info = await harness.LinkAsync("usmf");
        await harness.StopFinOpsAsync();

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.ResetAsync(force: false, CancellationToken.None));
        Assert.Contains($"the F&O sync hook {info.Hooks.FinOpsHookId}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was cleared", refusal.Message, StringComparison.Ordinal);
        Assert.NotNull(await harness.Service.GetAsync(CancellationToken.None));

        var leftBehind = await harness.Service.ResetAsync(force: true, CancellationToken.None);

        Assert.Contains(info.Hooks.FinOpsHookId, Assert.Single(leftBehind), StringComparison.Ordinal);
        Assert.Empty(await harness.ReadAllAsync("serviceendpoint"));
        Assert.Null(await harness.Service.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reading_or_opening_an_unlinked_runtime_says_it_is_not_linked()
    {
        Assert.Null(await harness.Service.GetAsync(CancellationToken.None));
        Assert.Null(await harness.Service.GetHookSecretAsync(HookSource.FinOps, CancellationToken.None));
        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.OpenAsync(CancellationToken.None));
        Assert.Contains("not linked", refusal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LinkException>(() => harness.Service.AddCompanyAsync("usmf", skipInitialSync: true, CancellationToken.None));
    }
}
