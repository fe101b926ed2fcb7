using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Tests.Store;
using DualWrite.Runtime.Writing;
using DualWrite.Testing;

namespace DualWrite.Runtime.Tests.InitialSync;

/// <summary>Both environments, the runtime's clients and store, and the out-of-box maps, ready to sync.</summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public static readonly string[] Companies = ["usmf", "gbsi", "dat"];

    private SyncHarness(Emulator finOps, Emulator dataverse, TempStore store)
    {
        FinOpsEmulator = finOps;
        DataverseEmulator = dataverse;
        Store = store;
        FinOps = new FinOpsClient(finOps.Transport(), finOps.Schema);
        Dataverse = new DataverseClient(dataverse.Transport(), dataverse.Schema);
        Writer = new ChangeWriter(FinOps, Dataverse, new LookupResolver(Dataverse), new ChangeWriterOptions(BatchSize: 200, Parallelism: 2));
    }

    public Emulator FinOpsEmulator { get; }

    public Emulator DataverseEmulator { get; }

    public TempStore Store { get; }

    public FinOpsClient FinOps { get; }

    public DataverseClient Dataverse { get; }

    public ChangeWriter Writer { get; }

    public static async Task<SyncHarness> StartAsync(bool finOpsDemo = true, bool dataverseDemo = false)
    {
        var finOps = await Emulator.StartAsync(EnvironmentKind.FinOps, finOpsDemo);
        var dataverse = await Emulator.StartAsync(EnvironmentKind.Dataverse, dataverseDemo);
        var harness = new SyncHarness(finOps, dataverse, await TempStore.OpenAsync());
        foreach (var company in Companies)
        {
            await harness.Dataverse.EnsureCompanyAsync(company, null, CancellationToken.None);
        }

        return harness;
    }

    public RowMapper Mapper(string map) =>
        new(OutOfBoxSolution.Load().FindMap(map)!, FinOpsEmulator.Schema, DataverseEmulator.Schema, new MapperOptions { Companies = Companies });

    /// <summary>Runs the initial sync of the maps given, in their order, each to the end.</summary>
    public async Task<Dictionary<string, IReadOnlyList<SyncProgress>>> SyncAsync(Master master, params string[] maps)
    {
        var results = new Dictionary<string, IReadOnlyList<SyncProgress>>();
        foreach (var map in maps)
        {
            var run = await Store.Store.StartSyncRunAsync(map, master, skipFailedKeys: false, CancellationToken.None);
            var runner = new InitialSyncRunner(FinOps, Dataverse, Writer, Store.Store, new InitialSyncOptions(PageSize: 250, CheckpointEvery: 300));
            results[map] = await runner.RunAsync(Mapper(map), run, Companies, new HashSet<string>(), CancellationToken.None);
            Writer.Lookups.Forget();
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        await Store.DisposeAsync();
    }
}
