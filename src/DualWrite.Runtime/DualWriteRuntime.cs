using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Schema;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.LiveSync;
using DualWrite.Runtime.Monitoring;
using DualWrite.Runtime.Queue;
using DualWrite.Runtime.Solutions;
using DualWrite.Runtime.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Runtime;

/// <summary>
/// One runtime over one store: the link, the maps' lifecycle and the work the runtime does by itself (initial
/// syncs, including those a stopped process left half done), put together the same way for every host.
/// </summary>
/// <remarks>
/// Everything it knows between calls is in the store, so a runtime opened again on the same store, in this
/// process or another, carries on where the last one stopped.
/// </remarks>
public sealed partial class DualWriteRuntime : IInitialSyncTrigger, IAsyncDisposable
{
    private readonly RuntimeOptions options;
    private readonly EnvironmentSchema finOpsSchema;
    private readonly EnvironmentSchema dataverseSchema;
    private readonly ILogger logger;
    private readonly SemaphoreSlim wake = new(0);
    private readonly LiveSyncDispatcher dispatcher;
    private readonly QueueBound bound;

    /// <summary>Posts alert notices to the rules' webhooks, and calls the runtime's own hooks for the health check.</summary>
    private readonly HttpClient notices = new();

    private DualWriteRuntime(IRuntimeStore store, RuntimeOptions options, EnvironmentSchema finOpsSchema, EnvironmentSchema dataverseSchema, ILoggerFactory loggers)
    {
        this.options = options;
        this.finOpsSchema = finOpsSchema;
        this.dataverseSchema = dataverseSchema;
        logger = loggers.CreateLogger("DualWrite.Runtime");
        Store = store;
        Connection = new ConnectionService(store, finOpsSchema, dataverseSchema, this, options.Connection, loggers.CreateLogger("DualWrite.Runtime.Connection"));
        Lifecycle = new MapLifecycle(store, ActiveMapsAsync);
        Connection.LinkChanged += OnLinkChanged;
        Solutions = new SolutionLibrary(store, finOpsSchema, dataverseSchema, options.Time, () => OnLinkChanged(this, EventArgs.Empty));
        bound = new QueueBound(
            store, Path.GetDirectoryName(Path.GetFullPath(options.StorePath))!, options.LiveSync.QueueLimitBytes, options.LiveSync.QueueShareOfFreeDisk, options.Time, logger);
        var alerts = new Alerts(store, Lifecycle, notices, options.Time, logger);
        dispatcher = new LiveSyncDispatcher(store, options.LiveSync, bound, alerts, options.Time);
        Hooks = new HookReceiver(Connection, LiveContextAsync, dispatcher, finOpsSchema, dataverseSchema);
    }

    public IRuntimeStore Store { get; }

    public ConnectionService Connection { get; }

    public MapLifecycle Lifecycle { get; }

    /// <summary>The solutions held and the active version of each map: import, export, edit.</summary>
    public SolutionLibrary Solutions { get; }

    /// <summary>Where both environments' hook calls are answered.</summary>
    public HookReceiver Hooks { get; }

    /// <summary>Opens (or creates) the store and the runtime over it; its own work starts with <see cref="RunAsync"/>.</summary>
    /// <param name="options">Where the store is and how the runtime works.</param>
    /// <param name="finOpsSchema">The F&amp;O entities the maps use, as the environment describes them.</param>
    /// <param name="dataverseSchema">The Dataverse tables the maps use.</param>
    /// <param name="loggers">Where the runtime logs; nowhere when null.</param>
    /// <param name="cancellationToken">Stops opening.</param>
    public static async Task<DualWriteRuntime> OpenAsync(
        RuntimeOptions options,
        EnvironmentSchema finOpsSchema,
        EnvironmentSchema dataverseSchema,
        ILoggerFactory? loggers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Path.GetDirectoryName(Path.GetFullPath(options.StorePath)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var store = await SqliteRuntimeStore.OpenAsync(options.StorePath, options.Time, cancellationToken);
        return new DualWriteRuntime(store, options, finOpsSchema, dataverseSchema, loggers ?? NullLoggerFactory.Instance);
    }

    /// <summary>The active version of every map of the applied solutions.</summary>
    public async Task<IReadOnlyList<TableMap>> ActiveMapsAsync(CancellationToken cancellationToken) =>
        (await StoredCatalog.LoadAsync(Store, cancellationToken)).ActiveMaps;

    /// <summary>The health check of the connection and of every active map: each finding with its code and fix; none when all is well.</summary>
    public async Task<IReadOnlyList<HealthFinding>> CheckHealthAsync(CancellationToken cancellationToken) =>
        await new HealthCheck(Connection, notices, finOpsSchema, dataverseSchema).RunAsync(await ActiveMapsAsync(cancellationToken), cancellationToken);

    /// <summary>What the lanes hold and may hold, measured now.</summary>
    public Task<QueueUsage> GetQueueUsageAsync(CancellationToken cancellationToken) => bound.UsageAsync(cancellationToken);

    /// <summary>Run: the maps move on at once, and the initial syncs it asks for begin without waiting for the next look.</summary>
    public async Task StartAsync(RunRequest request, string who, CancellationToken cancellationToken)
    {
        await Lifecycle.StartAsync(request, who, cancellationToken);
        wake.Release();
    }

    public async ValueTask DisposeAsync()
    {
        Connection.LinkChanged -= OnLinkChanged;
        foreach (var live in retired.Append(context).OfType<LiveSync.LiveContext>())
        {
            live.Dispose();
        }

        contextGate.Dispose();
        Solutions.Dispose();
        notices.Dispose();
        Connection.Dispose();
        wake.Dispose();
        await Store.DisposeAsync();
    }

    private RowMapper Mapper(TableMap map, IReadOnlyCollection<string> companies) =>
        new(map, finOpsSchema, dataverseSchema, new MapperOptions { Companies = companies });
}
