using System.Net;
using System.Net.Sockets;
using DualWrite.Connectors;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Tests.Store;
using DualWrite.Testing;

namespace DualWrite.Runtime.Tests.Connection;

/// <summary>
/// An F&amp;O with its demo companies (usmf, gbsi, dat), an empty Dataverse, an empty runtime store and the connection
/// service over them; and clients that look at both sides as their administrator, to see what linking did.
/// </summary>
internal sealed class LinkHarness : IAsyncDisposable
{
    /// <summary>No receiver listens here: registering hooks does not call them.</summary>
    public static readonly Uri HookBase = new("http://127.0.0.1:9/dualwrite/");

    private bool finOpsStopped;

    private LinkHarness(Emulator finOps, Emulator dataverse, TempStore store)
    {
        FinOpsEmulator = finOps;
        DataverseEmulator = dataverse;
        Store = store;
        FinOps = new FinOpsClient(finOps.Transport("admin"), finOps.Schema);
        Dataverse = new DataverseClient(dataverse.Transport("admin"), dataverse.Schema);
        Service = new ConnectionService(store.Store, finOps.Schema, dataverse.Schema, InitialSync);
    }

    public Emulator FinOpsEmulator { get; }

    public Emulator DataverseEmulator { get; }

    public TempStore Store { get; }

    /// <summary>F&amp;O as its administrator, not as the runtime.</summary>
    public FinOpsClient FinOps { get; }

    /// <summary>Dataverse as its administrator, not as the runtime.</summary>
    public DataverseClient Dataverse { get; }

    public RecordingInitialSync InitialSync { get; } = new();

    public ConnectionService Service { get; }

    public static async Task<LinkHarness> StartAsync() =>
        new(await Emulator.StartAsync(EnvironmentKind.FinOps, demo: true), await Emulator.StartAsync(EnvironmentKind.Dataverse), await TempStore.OpenAsync());

    public LinkRequest Request(params string[] companies) =>
        new(FinOpsEmulator.Address(), DataverseEmulator.Address(), HookBase) { Companies = companies };

    public Task<ConnectionInfo> LinkAsync(params string[] companies) =>
        Service.LinkAsync(Request(companies), "tester", CancellationToken.None);

    public MapLifecycle Lifecycle() => new(Store.Store, () => Core.Maps.OutOfBoxSolution.Load().Maps);

    /// <summary>Starts a map live, without initial sync, as a person would.</summary>
    public Task StartMapAsync(string map) =>
        Lifecycle().StartAsync(new RunRequest([new RunItem(map, InitialSync: false)]), "tester", CancellationToken.None);

    /// <summary>An address where nothing listens: a port just given up.</summary>
    public static EnvironmentAddress Unreachable(EnvironmentAddress like)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var root = new Uri($"http://127.0.0.1:{port}/");
        return like with { ServiceRoot = new Uri(root, like.ServiceRoot.AbsolutePath), TokenEndpoint = new Uri(root, like.TokenEndpoint.AbsolutePath) };
    }

    public async Task<List<Row>> ReadAllAsync(string table, string? filter = null)
    {
        var rows = new List<Row>();
        await foreach (var page in Dataverse.ReadPagesAsync(table, new DataverseQuery { Filter = filter }, CancellationToken.None))
        {
            rows.AddRange(page);
        }

        return rows;
    }

    /// <summary>The company codes Dataverse has, in lower case and order.</summary>
    public async Task<string[]> DataverseCompaniesAsync() =>
        (await ReadAllAsync("cdm_company")).Select(r => ((string)r["cdm_companycode"]!).ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Asserts that neither side nor the store holds anything of a link.</summary>
    public async Task AssertNothingLinkedAsync()
    {
        if (!finOpsStopped)
        {
            Assert.Empty(await FinOps.ListHooksAsync(CancellationToken.None));
        }

        Assert.Empty(await ReadAllAsync("serviceendpoint"));
        Assert.Empty(await ReadAllAsync("sdkmessageprocessingstep"));
        Assert.Empty(await DataverseCompaniesAsync());
        Assert.Null(await Store.Store.GetConnectionAsync(CancellationToken.None));
        Assert.Empty(await Store.Store.GetCompaniesAsync(CancellationToken.None));
        Assert.Null(await Service.GetAsync(CancellationToken.None));
    }

    /// <summary>Takes F&amp;O away, as an environment that was deleted or is down.</summary>
    public async Task StopFinOpsAsync()
    {
        finOpsStopped = true;
        await FinOpsEmulator.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Service.Dispose();
        if (!finOpsStopped)
        {
            await FinOpsEmulator.DisposeAsync();
        }

        await DataverseEmulator.DisposeAsync();
        await Store.DisposeAsync();
    }
}
