using DualWrite.Core.Maps;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Tests.Store;

namespace DualWrite.Runtime.Tests.Lifecycle;

public sealed class MapLifecycleTests
{
    private static readonly IReadOnlyList<TableMap> Maps = OutOfBoxSolution.Load().Maps;

    public static TheoryData<MapState, MapAction, MapState?> Table => new()
    {
        { MapState.NotRunning, MapAction.Run, MapState.Initializing },
        { MapState.NotRunning, MapAction.Pause, null },
        { MapState.NotRunning, MapAction.Resume, null },
        { MapState.NotRunning, MapAction.ResumeSkippingQueue, null },
        { MapState.NotRunning, MapAction.Stop, null },
        { MapState.NotRunning, MapAction.SkipToLive, null },
        { MapState.Initializing, MapAction.Run, null },
        { MapState.Initializing, MapAction.Pause, null },
        { MapState.Initializing, MapAction.Resume, null },
        { MapState.Initializing, MapAction.ResumeSkippingQueue, null },
        { MapState.Initializing, MapAction.Stop, null },
        { MapState.Initializing, MapAction.SkipToLive, null },
        { MapState.Running, MapAction.Run, null },
        { MapState.Running, MapAction.Pause, MapState.Paused },
        { MapState.Running, MapAction.Resume, null },
        { MapState.Running, MapAction.ResumeSkippingQueue, null },
        { MapState.Running, MapAction.Stop, MapState.NotRunning },
        { MapState.Running, MapAction.SkipToLive, null },
        { MapState.Paused, MapAction.Run, null },
        { MapState.Paused, MapAction.Pause, null },
        { MapState.Paused, MapAction.Resume, MapState.Resuming },
        { MapState.Paused, MapAction.ResumeSkippingQueue, MapState.Running },
        { MapState.Paused, MapAction.Stop, MapState.NotRunning },
        { MapState.Paused, MapAction.SkipToLive, null },
        { MapState.Resuming, MapAction.Run, null },
        { MapState.Resuming, MapAction.Pause, null },
        { MapState.Resuming, MapAction.Resume, null },
        { MapState.Resuming, MapAction.ResumeSkippingQueue, null },
        { MapState.Resuming, MapAction.Stop, null },
        { MapState.Resuming, MapAction.SkipToLive, MapState.Running },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_state_allows_exactly_its_actions_and_a_refusal_names_the_state_and_what_it_allows(MapState state, MapAction action, MapState? expected)
    {
        if (expected is { } next)
        {
            Assert.Equal(next, MapTransitions.Next("Currencies", state, action));
            return;
        }

        var refusal = Assert.Throws<LifecycleException>(() => MapTransitions.Next("Currencies", state, action));
        Assert.Contains($"'Currencies' is {MapTransitions.Describe(state)}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(
            MapTransitions.Allowed(state).Count == 0 ? "allows no action" : $"allows {string.Join(", ", MapTransitions.Allowed(state).Select(MapTransitions.Describe))}",
            refusal.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_offers_the_related_maps_not_yet_running_in_dependency_order()
    {
        await using var temp = await TempStore.OpenAsync();
        var lifecycle = new MapLifecycle(temp.Store, () => Maps);
        await lifecycle.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false)]), "ana", CancellationToken.None);

        var plan = await lifecycle.PlanRunAsync("Customers V3 (accounts)", CancellationToken.None);

        Assert.Equal(Master.Dataverse, plan.Master);
        Assert.Equal("Customers V3 (accounts)", plan.Maps[^1].Map);
        Assert.DoesNotContain(plan.Maps, i => i.Map == "Legal entities");
        Assert.Equal(["Currencies", "Customer groups", "Customers V3 (accounts)", "Terms of payment"], plan.Maps.Select(i => i.Map).Order());
        Assert.True(plan.Maps.ToList().FindIndex(i => i.Map == "Terms of payment") < plan.Maps.ToList().FindIndex(i => i.Map == "Customer groups"));
        Assert.All(plan.Maps, i => Assert.True(i.InitialSync));
    }

    [Fact]
    public async Task The_run_plan_gives_each_proposed_map_its_state_and_refuses_an_unknown_map()
    {
        await using var temp = await TempStore.OpenAsync();
        var lifecycle = new MapLifecycle(temp.Store, () => Maps);
        await lifecycle.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false)]), "ana", CancellationToken.None);

        var plan = await lifecycle.PlanRelatedAsync("Currencies", CancellationToken.None);

        var only = Assert.Single(plan.Maps);
        Assert.Equal(new PlannedMap("Currencies", true, MapState.NotRunning, true), only);
        Assert.Equal(Master.Dataverse, plan.Master);
        var unknown = await Assert.ThrowsAsync<UnknownMapException>(() => lifecycle.PlanRelatedAsync("Nothing", CancellationToken.None));
        Assert.Contains("'Currencies'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_in_a_wrong_order_or_of_a_running_map_is_refused_whole_with_every_reason()
    {
        await using var temp = await TempStore.OpenAsync();
        var lifecycle = new MapLifecycle(temp.Store, () => Maps);
        await lifecycle.StartAsync(new RunRequest([new RunItem("Currencies", false)]), "ana", CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<LifecycleException>(() => lifecycle.StartAsync(
            new RunRequest([new RunItem("Customer groups"), new RunItem("Terms of payment"), new RunItem("Currencies")]), "ana", CancellationToken.None));

        Assert.Contains("'Customer groups' (position 1) comes before 'Terms of payment' (position 2)", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("'Currencies' is Running", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(MapState.NotRunning, await temp.Store.GetStateAsync("Terms of payment", CancellationToken.None));
    }

    [Fact]
    public async Task Several_maps_move_at_once_and_every_move_is_in_the_activity_log()
    {
        await using var temp = await TempStore.OpenAsync();
        var lifecycle = new MapLifecycle(temp.Store, () => Maps);
        await lifecycle.StartAsync(new RunRequest([new RunItem("Legal entities", false), new RunItem("Currencies", false)], Master.FinOps), "ana", CancellationToken.None);
        await lifecycle.ApplyAsync(["Legal entities", "Currencies"], MapAction.Pause, "ben", CancellationToken.None);
        await lifecycle.ApplyAsync(["Legal entities"], MapAction.Resume, "ben", CancellationToken.None);
        await lifecycle.CompleteAsync("Legal entities", MapState.Resuming, "queue replayed", CancellationToken.None);

        Assert.Equal(MapState.Running, await temp.Store.GetStateAsync("Legal entities", CancellationToken.None));
        Assert.Equal(MapState.Paused, await temp.Store.GetStateAsync("Currencies", CancellationToken.None));
        var log = await temp.Store.GetActivityAsync("Legal entities", 10, CancellationToken.None);
        Assert.Equal(["Completed", "Resume", "Pause", "Run"], log.Select(e => e.Action));
        Assert.Equal(["runtime", "ben", "ben", "ana"], log.Select(e => e.Who));
        Assert.Contains("master FinOps", log[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_one_of_several_maps_refuses_moves_none_of_them()
    {
        await using var temp = await TempStore.OpenAsync();
        var lifecycle = new MapLifecycle(temp.Store, () => Maps);
        await lifecycle.StartAsync(new RunRequest([new RunItem("Legal entities", false)]), "ana", CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<LifecycleException>(() => lifecycle.ApplyAsync(["Legal entities", "Currencies"], MapAction.Pause, "ben", CancellationToken.None));

        Assert.Contains("'Currencies' is Not running", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(MapState.Running, await temp.Store.GetStateAsync("Legal entities", CancellationToken.None));
        Assert.Contains("there is no active map 'Nothing'", (await Assert.ThrowsAsync<LifecycleException>(() => lifecycle.ApplyAsync(["Nothing"], MapAction.Stop, "ben", CancellationToken.None))).Message, StringComparison.Ordinal);
    }
}
