using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Tests.Store;

public sealed class SqliteRuntimeStoreTests
{
    [Fact]
    public async Task Migrations_run_once_and_record_the_schema_version()
    {
        await using var temp = await TempStore.OpenAsync();
        var latest = SqliteMigrations.All.Max(m => m.Version);
        Assert.Equal(latest, await temp.Store.SchemaVersionAsync(CancellationToken.None));
        await temp.Store.SetCompaniesAsync(["usmf"], CancellationToken.None);
        await temp.ReopenAsync();
        Assert.Equal(latest, await temp.Store.SchemaVersionAsync(CancellationToken.None));
        Assert.Equal(["usmf"], await temp.Store.GetCompaniesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_connection_companies_solutions_and_active_maps_survive_a_restart()
    {
        await using var temp = await TempStore.OpenAsync();
        var store = temp.Store;
        await store.SaveConnectionAsync("{\"finOps\":\"x\"}", CancellationToken.None);
        await store.SetCompaniesAsync(["usmf", "gbsi", "dat"], CancellationToken.None);
        await store.SaveSolutionAsync(new StoredSolution("Core", "1.0.0.0", "{}", DateTimeOffset.UtcNow), CancellationToken.None);
        await store.SaveSolutionAsync(new StoredSolution("Core", "1.0.0.1", "{ }", DateTimeOffset.UtcNow.AddSeconds(1)), CancellationToken.None);
        await store.SetActiveMapAsync(new ActiveMap("Currencies", "Core", "1.0.0.0"), CancellationToken.None);
        await store.SetActiveMapAsync(new ActiveMap("Currencies", "Core", "1.0.0.1"), CancellationToken.None);

        await temp.ReopenAsync();
        store = temp.Store;
        Assert.Equal("{\"finOps\":\"x\"}", await store.GetConnectionAsync(CancellationToken.None));
        Assert.Equal(["usmf", "gbsi", "dat"], await store.GetCompaniesAsync(CancellationToken.None));
        Assert.Equal(["1.0.0.0", "1.0.0.1"], (await store.GetSolutionsAsync(CancellationToken.None)).Select(s => s.Version));
        Assert.Equal([new ActiveMap("Currencies", "Core", "1.0.0.1")], await store.GetActiveMapsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_transition_moves_only_from_the_expected_state_and_is_logged_with_who_and_when()
    {
        await using var temp = await TempStore.OpenAsync();
        var store = temp.Store;
        Assert.Equal(MapState.NotRunning, await store.GetStateAsync("Currencies", CancellationToken.None));
        Assert.True(await store.TransitionAsync("Currencies", MapState.NotRunning, MapState.Running, "ana", "Run", "initial sync skipped", CancellationToken.None));
        Assert.False(await store.TransitionAsync("Currencies", MapState.NotRunning, MapState.Initializing, "ben", "Run", null, CancellationToken.None));
        Assert.Equal(MapState.Running, await store.GetStateAsync("currencies", CancellationToken.None));

        var log = await store.GetActivityAsync("Currencies", 10, CancellationToken.None);
        var entry = Assert.Single(log);
        Assert.Equal(("ana", "Run", MapState.NotRunning, MapState.Running, "initial sync skipped"), (entry.Who, entry.Action, entry.From!.Value, entry.To!.Value, entry.Detail));
        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Reset_clears_everything()
    {
        await using var temp = await TempStore.OpenAsync();
        var store = temp.Store;
        await store.SaveConnectionAsync("{}", CancellationToken.None);
        await store.SetCompaniesAsync(["dat"], CancellationToken.None);
        await store.TransitionAsync("Currencies", MapState.NotRunning, MapState.Running, "ana", "Run", null, CancellationToken.None);
        await store.ResetAsync(CancellationToken.None);
        Assert.Null(await store.GetConnectionAsync(CancellationToken.None));
        Assert.Empty(await store.GetCompaniesAsync(CancellationToken.None));
        Assert.Empty(await store.GetStatesAsync(CancellationToken.None));
        Assert.Empty(await store.GetActivityAsync("Currencies", 10, CancellationToken.None));
    }
}
