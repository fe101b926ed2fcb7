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
    }

    public Emulator FinOpsEmulator { get; }

    public Emulator DataverseEmulator { get; }

    public TempStore Store { get; }

    public FinOpsClient FinOps { get; }

    public DataverseClient Dataverse { get; }

    public static async Task<SyncHarness> StartAsync(bool finOpsDemo = true, bool dataverseDemo = false)
    {
        var finOps = await Emulator.StartAsync(EnvironmentKind.FinOps, finOpsDemo);
        var dataverse = await Emulator.StartAsync(EnvironmentKind.Dataverse, dataverseDemo);
        var harness = new SyncHarness(finOps, dataverse, await TempStore.OpenAsync());
        foreach (var company in Companies)
        {
            // As linking does: the company row carries the legal entity's name, which both sides require.
            var entity = await harness.FinOps.ReadAsync("LegalEntities", Core.Rows.RowKey.Of(("LegalEntityId", company)), CancellationToken.None);
            await harness.Dataverse.EnsureCompanyAsync(company, entity?["Name"] as string ?? company.ToUpperInvariant(), CancellationToken.None);
        }

        return harness;
    }

    public RowMapper Mapper(string map) =>
        new(OutOfBoxSolution.Load().FindMap(map)!, FinOpsEmulator.Schema, DataverseEmulator.Schema, new MapperOptions { Companies = Companies });

    public static readonly string[] Dependencies = ["Legal entities", "Currencies", "Terms of payment", "Customer groups"];

    /// <summary>Runs the initial sync of the maps given, in their order, each to the end.</summary>
    public async Task<Dictionary<string, IReadOnlyList<SyncProgress>>> SyncAsync(Master master, params string[] maps)
    {
        var results = new Dictionary<string, IReadOnlyList<SyncProgress>>();
        foreach (var map in maps)
        {
            var run = await Store.Store.StartSyncRunAsync(map, master, skipFailedKeys: false, CancellationToken.None);
            results[map] = await ContinueAsync(run, CancellationToken.None);
        }

        return results;
    }

    /// <summary>Runs, or continues from its checkpoint, one run, with a runner of its own as a restarted runtime would.</summary>
    public async Task<IReadOnlyList<SyncProgress>> ContinueAsync(SyncRun run, CancellationToken cancellationToken, int checkpointEvery = 300) =>
        await Runner(checkpointEvery).RunAsync(Mapper(run.Map), run, Companies, new HashSet<string>(), cancellationToken);

    /// <summary>A runner of its own, with a change writer and lookup resolver of its own, as a restarted runtime would have.</summary>
    public InitialSyncRunner Runner(int checkpointEvery = 300)
    {
        var writer = new ChangeWriter(FinOps, Dataverse, new LookupResolver(Dataverse), new ChangeWriterOptions(BatchSize: 100, Parallelism: 2));
        return new InitialSyncRunner(FinOps, Dataverse, writer, Store.Store, new InitialSyncOptions(PageSize: 250, CheckpointEvery: checkpointEvery));
    }

    /// <summary>Every account as key (company|number) → name, credit limit, customer group.</summary>
    public async Task<SortedDictionary<string, string>> AccountsAsync()
    {
        var accounts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var page in Dataverse.ReadPagesAsync("account", new Connectors.Dataverse.DataverseQuery { Expand = ["msdyn_company.cdm_companycode", "msdyn_customergroupid.msdyn_groupid"] }, CancellationToken.None))
        {
            foreach (var a in page)
            {
                var key = $"{a["msdyn_company.cdm_companycode"]}|{a["accountnumber"]}";
                Assert.True(accounts.TryAdd(key, $"{a["name"]}|{a["creditlimit"]}|{a["msdyn_customergroupid.msdyn_groupid"]}"), $"two accounts for {key}");
            }
        }

        return accounts;
    }

    /// <summary>Every customer as key (company|account) → name, credit limit, customer group.</summary>
    public async Task<SortedDictionary<string, string>> CustomersAsync()
    {
        var customers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var page in FinOps.ReadPagesAsync("CustomersV3", new Connectors.FinOps.FinOpsQuery(), CancellationToken.None))
        {
            foreach (var c in page)
            {
                customers.Add($"{c["dataAreaId"]}|{c["CustomerAccount"]}", $"{c["OrganizationName"]}|{c["CreditLimit"]}|{c["CustomerGroupId"]}");
            }
        }

        return customers;
    }

    public async ValueTask DisposeAsync()
    {
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        await Store.DisposeAsync();
    }
}
