using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Queue;
using DualWrite.Runtime.Store;
using DualWrite.Testing;
using Microsoft.Data.Sqlite;

namespace DualWrite.Scenarios.Tests;

public sealed class QueueProcessTests : IAsyncLifetime
{
    private const string Groups = "Customer groups";
    private const int Keys = 100;
    private const int ValuesPerKey = 100;
    private const int Writers = 4;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "dualwrite-scenarios", Guid.NewGuid().ToString("N"));
    private Emulator finOpsEmulator = null!;
    private Emulator dataverseEmulator = null!;
    private HookReceiver subscriber = null!;
    private FinOpsClient finOps = null!;
    private int port;

    private string StorePath => Path.Combine(folder, "runtime", "runtime.db");

    public async Task InitializeAsync()
    {
        finOpsEmulator = await Emulator.StartAsync(EnvironmentKind.FinOps, demo: true);
        dataverseEmulator = await Emulator.StartAsync(EnvironmentKind.Dataverse);
        subscriber = await HookReceiver.StartAsync();
        finOps = new FinOpsClient(finOpsEmulator.Transport("admin"), finOpsEmulator.Schema);
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    public async Task DisposeAsync()
    {
        await subscriber.DisposeAsync();
        await finOpsEmulator.DisposeAsync();
        await dataverseEmulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Ten_thousand_changes_queued_by_a_paused_map_survive_a_killed_runtime_and_replay_in_their_order()
    {
        var created = await finOps.WriteAsync(
            Enumerable.Range(0, Keys).Select(k => FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = Id(k), ["Description"] = "start" })).ToArray(),
            atomic: true,
            CancellationToken.None);
        Assert.All(created, c => Assert.True(c.Success, c.Message));
        await WithRuntimeAsync(async runtime =>
        {
            await runtime.Connection.LinkAsync(new LinkRequest(finOpsEmulator.Address(), dataverseEmulator.Address(), new Uri($"http://127.0.0.1:{port}/")) { Companies = ["usmf"] }, "tester", CancellationToken.None);
            await runtime.Lifecycle.StartAsync(new RunRequest([new RunItem("Legal entities", false), new RunItem("Terms of payment", false), new RunItem(Groups, false)]), "tester", CancellationToken.None);
            await runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "tester", CancellationToken.None);
        });
        var dataverse = new DataverseClient(dataverseEmulator.Transport("admin"), dataverseEmulator.Schema);
        await dataverse.RegisterWebhookAsync("subscriber", subscriber.Url, "X-Subscriber", "s", ["msdyn_customergroup"], ["Create", "Update"], CancellationToken.None);

        using (var first = await RuntimeProcess.StartAsync(folder, port, null))
        {
            // Each writer owns its keys and gives each of them its values in turn: every key's order is known.
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(WriteValuesAsync));
            first.Kill();
        }

        Assert.Equal(Keys * ValuesPerKey, Assert.Single(await ReadStoreAsync(s => s.GetQueueStatsAsync(CancellationToken.None))).Count);
        Assert.Empty(subscriber.Calls);

        using var second = await RuntimeProcess.StartAsync(folder, port, null);
        await WithRuntimeAsync(runtime => runtime.ResumeAsync([Groups], ResumeMode.CatchUp, "tester", CancellationToken.None));
        await AccountsStory.WaitForAsync(
            async () => await ReadStoreAsync(s => s.GetStateAsync(Groups, CancellationToken.None)) == MapState.Running, TimeSpan.FromMinutes(5), second, "the map catching up");

        var seen = SeenByKey();
        Assert.Equal(Keys, seen.Count);
        var expected = Enumerable.Range(0, ValuesPerKey).Select(Value).ToArray();
        Assert.All(seen, key => Assert.Equal(expected, key.Value));
        Assert.Empty(await ReadStoreAsync(s => s.GetCatchUpErrorsAsync(Groups, 0, 10, CancellationToken.None)));
    }

    private static string Id(int key) => "Q" + key.ToString("D3", CultureInfo.InvariantCulture);

    private static string Value(int n) => "v" + n.ToString("D3", CultureInfo.InvariantCulture);

    private async Task WriteValuesAsync(int writer)
    {
        for (var n = 0; n < ValuesPerKey; n++)
        {
            for (var key = writer; key < Keys; key += Writers)
            {
                var outcome = (await finOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", Id(key))), new Row { ["Description"] = Value(n) })], atomic: true, CancellationToken.None))[0];
                Assert.True(outcome.Success, outcome.Message);
            }
        }
    }

    /// <summary>Every description the subscriber saw each group take (the row after each write), in the order it saw them.</summary>
    private Dictionary<string, List<string>> SeenByKey()
    {
        var seen = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var call in subscriber.Calls)
        {
            var attributes = call.Body.GetProperty("PostEntityImages")[0].GetProperty("value").GetProperty("Attributes").EnumerateArray()
                .ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("value"));
            var group = attributes["msdyn_groupid"].GetString()!;
            if (group.StartsWith('Q'))
            {
                seen.TryAdd(group, []);
                seen[group].Add(attributes["msdyn_description"].GetString()!);
            }
        }

        return seen;
    }

    private async Task WithRuntimeAsync(Func<DualWriteRuntime, Task> act)
    {
        await using var runtime = await DualWriteRuntime.OpenAsync(new RuntimeOptions { StorePath = StorePath }, finOpsEmulator.Schema, dataverseEmulator.Schema);
        await act(runtime);
    }

    private async Task<T> ReadStoreAsync<T>(Func<IRuntimeStore, Task<T>> read)
    {
        await using var store = await SqliteRuntimeStore.OpenAsync(StorePath, TimeProvider.System);
        return await read(store);
    }
}
