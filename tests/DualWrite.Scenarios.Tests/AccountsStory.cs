using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.Storage;
using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Reconciliation;
using DualWrite.Runtime.Store;
using DualWrite.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Scenarios.Tests;

/// <summary>
/// The story of a first sync of customers: F&amp;O with its demo data and many more organisation customers, an
/// empty Dataverse, and a data folder in which a runtime is linked to both and told to run Customers V3
/// (accounts) with its related maps, each with initial sync. The runtime itself then runs as a process.
/// </summary>
internal sealed class AccountsStory : IAsyncDisposable
{
    public const string Accounts = "Customers V3 (accounts)";

    /// <summary>The organisation customers, the only ones the accounts map carries.</summary>
    private const string Organisations = "PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Organization'";

    private AccountsStory(Emulator finOps, Emulator dataverse, string folder, IReadOnlyList<string> companies)
    {
        FinOpsEmulator = finOps;
        DataverseEmulator = dataverse;
        Folder = folder;
        Companies = companies;
        FinOps = new FinOpsClient(finOps.Transport("admin"), finOps.Schema);
        Dataverse = new DataverseClient(dataverse.Transport("admin"), dataverse.Schema);
        Port = FreePort();
    }

    public Emulator FinOpsEmulator { get; }

    public Emulator DataverseEmulator { get; }

    /// <summary>The data folder the runtime process works in.</summary>
    public string Folder { get; }

    public IReadOnlyList<string> Companies { get; }

    public int Port { get; }

    /// <summary>F&amp;O as its administrator.</summary>
    public FinOpsClient FinOps { get; }

    /// <summary>Dataverse as its administrator.</summary>
    public DataverseClient Dataverse { get; }

    public string StorePath => Path.Combine(Folder, "runtime", "runtime.db");

    /// <param name="customers">Organisation customers added to F&amp;O, dealt round <paramref name="companies"/>.</param>
    /// <param name="companies">The linked companies.</param>
    public static async Task<AccountsStory> StartAsync(int customers, params string[] companies)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dualwrite-scenarios", Guid.NewGuid().ToString("N"));
        var story = new AccountsStory(
            await Emulator.StartAsync(EnvironmentKind.FinOps, demo: true),
            await Emulator.StartAsync(EnvironmentKind.Dataverse),
            folder,
            companies);
        await story.AddCustomersAsync(customers);
        await story.LinkAndRunAsync();
        return story;
    }

    public Task<RuntimeProcess> StartRuntimeAsync(params string[] options) => RuntimeProcess.StartAsync(Folder, Port, null, options);

    /// <summary>The runtime with at most <paramref name="heapLimit"/> bytes of managed memory: more, and it fails.</summary>
    public Task<RuntimeProcess> StartBoundedRuntimeAsync(long heapLimit) => RuntimeProcess.StartAsync(Folder, Port, heapLimit);

    /// <summary>Looks into the store the runtime process works on, without disturbing it.</summary>
    public async Task<T> ReadStoreAsync<T>(Func<IRuntimeStore, Task<T>> read)
    {
        await using var store = await SqliteRuntimeStore.OpenAsync(StorePath, TimeProvider.System);
        return await read(store);
    }

    /// <summary>
    /// The accounts map's latest run and its counts over all companies, each way. Rows found on both sides and
    /// equal count as unchanged in the master's direction: towards F&amp;O, under the default master Dataverse.
    /// </summary>
    public Task<(SyncRun Run, SyncCounts ToDataverse, SyncCounts ToFinOps)> AccountsRunAsync() => ReadStoreAsync(async store =>
    {
        var run = await store.GetLatestSyncRunAsync(Accounts, CancellationToken.None) ?? throw new InvalidOperationException("the accounts map has no run");
        var progress = await store.GetSyncProgressAsync(run.Id, CancellationToken.None);
        return (run, progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToDataverse), progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToFinOps));
    });

    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan within, RuntimeProcess runtime, string what) =>
        Assert.True(await Eventually.HoldsAsync(condition, within, TimeSpan.FromMilliseconds(200)), $"{what} did not happen within {within}; the runtime said:\n{runtime.Output}");

    public Task<MapState> StateAsync(string map) => ReadStoreAsync(store => store.GetStateAsync(map, CancellationToken.None));

    /// <summary>Every organisation customer of the linked companies as company|account → name|group.</summary>
    public async Task<SortedDictionary<string, string>> CustomersAsync()
    {
        var customers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var page in FinOps.ReadPagesAsync("CustomersV3", new FinOpsQuery { Filter = Organisations, Select = ["dataAreaId", "CustomerAccount", "OrganizationName", "CustomerGroupId"], PageSize = FinOpsQuery.MaxPageSize }, CancellationToken.None))
        {
            foreach (var c in page.Where(c => Companies.Contains((string)c["dataAreaId"]!, StringComparer.OrdinalIgnoreCase)))
            {
                customers.Add($"{c["dataAreaId"]}|{c["CustomerAccount"]}", $"{c["OrganizationName"]}|{c["CustomerGroupId"]}");
            }
        }

        return customers;
    }

    /// <summary>Every account as company|number → name|group; two accounts with one key fail the test.</summary>
    public async Task<SortedDictionary<string, string>> AccountsAsync()
    {
        var accounts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var query = new DataverseQuery { Select = ["accountnumber", "name"], Expand = ["msdyn_company.cdm_companycode", "msdyn_customergroupid.msdyn_groupid"] };
        await foreach (var page in Dataverse.ReadPagesAsync("account", query, CancellationToken.None))
        {
            foreach (var a in page)
            {
                var key = $"{a["msdyn_company.cdm_companycode"]}|{a["accountnumber"]}";
                Assert.True(accounts.TryAdd(key, $"{a["name"]}|{a["msdyn_customergroupid.msdyn_groupid"]}"), $"two accounts for {key}");
            }
        }

        return accounts;
    }

    /// <summary>Both sides of the accounts map compared as the runtime compares them, with the first differences kept.</summary>
    public Task<ComparisonReport> CompareAccountsAsync()
    {
        var map = OutOfBoxSolution.Load().FindMap(Accounts)!;
        var mapper = new RowMapper(map, FinOpsEmulator.Schema, DataverseEmulator.Schema, new MapperOptions { Companies = Companies.ToArray() });
        return new Comparison(FinOps, Dataverse, new ComparisonOptions(MaxDifferences: 10)).RunAsync(mapper, Companies, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Copies of each company's demo organisations (so that their group, currency and terms exist there) under
    /// accounts of their own, put straight into F&amp;O's storage in transactions of 5,000: filling is the story's
    /// setting, not its subject, and a million rows through <c>$batch</c> would take minutes.
    /// </summary>
    private async Task AddCustomersAsync(int count)
    {
        var templates = new Dictionary<string, Row[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var company in Companies)
        {
            var rows = new List<Row>();
            await foreach (var page in FinOps.ReadPagesAsync("CustomersV3", new FinOpsQuery { Company = company, Filter = Organisations }, CancellationToken.None))
            {
                rows.AddRange(page.Select(r => new Row(r.Where(v => v.Value is not null && v.Key != "InvoiceAccount"))));
            }

            templates[company] = rows.ToArray();
        }

        var store = FinOpsEmulator.Running.Services.GetRequiredService<EnvironmentStore>();
        var table = store.Schema.GetTable("CustomersV3");
        var admin = FinOpsEmulator.Running.Credentials.Get("admin");
        for (var first = 0; first < count; first += FinOpsClient.MaxBatchOperations)
        {
            await using var transaction = await store.BeginWriteAsync(new WriteActor(admin.ClientId, admin.UserId), TimeSpan.FromMinutes(1), CancellationToken.None);
            for (var i = first; i < Math.Min(count, first + FinOpsClient.MaxBatchOperations); i++)
            {
                var company = Companies[i % Companies.Count];
                var pool = templates[company];
                var number = (i + 1).ToString("D7", CultureInfo.InvariantCulture);
                transaction.Insert(table, new Row(pool[i / Companies.Count % pool.Length])
                {
                    ["CustomerAccount"] = "BN-" + number,
                    ["PartyNumber"] = "BP-" + number,
                    ["OrganizationName"] = "Customer " + number,
                });
            }

            transaction.Commit();
        }
    }

    /// <summary>Links the runtime's store in the data folder and runs the accounts map with everything it needs.</summary>
    private async Task LinkAndRunAsync()
    {
        await using var runtime = await DualWriteRuntime.OpenAsync(
            new RuntimeOptions { StorePath = StorePath },
            FinOpsEmulator.Schema,
            DataverseEmulator.Schema);
        var hooks = new Uri($"http://127.0.0.1:{Port}/");
        await runtime.Connection.LinkAsync(new LinkRequest(FinOpsEmulator.Address(), DataverseEmulator.Address(), hooks) { Companies = Companies }, "tester", CancellationToken.None);
        var plan = await runtime.Lifecycle.PlanRunAsync(Accounts, CancellationToken.None);
        await runtime.Lifecycle.StartAsync(plan, "tester", CancellationToken.None);
    }
}
