using DualWrite.Connectors;
using DualWrite.Core.Schema;
using DualWrite.Runtime.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Runtime.Connection;

/// <summary>
/// The link between one F&amp;O environment and one Dataverse environment (SPEC sections 1, 6 and 7): linking, the
/// linked legal entities, reading the link, reset link, and the clients the runtime works through.
/// </summary>
/// <remarks>
/// Changes to the link are made one at a time within this instance. The secrets (both client secrets and the hook
/// secret) live only in the store's connection JSON: nothing here logs that JSON or puts a secret in a message.
/// </remarks>
public sealed partial class ConnectionService : IDisposable
{
    private readonly IRuntimeStore store;
    private readonly EnvironmentSchema finOpsSchema;
    private readonly EnvironmentSchema dataverseSchema;
    private readonly IInitialSyncTrigger initialSync;
    private readonly ConnectionOptions options;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <param name="store">Where the link is kept.</param>
    /// <param name="finOpsSchema">The F&amp;O environment schema, which types what the F&amp;O client reads and writes.</param>
    /// <param name="dataverseSchema">The Dataverse environment schema.</param>
    /// <param name="initialSync">Starts the initial sync of a company added to started maps.</param>
    /// <param name="options">How the environments are called; the defaults when null.</param>
    /// <param name="logger">Where link events go; nowhere when null.</param>
    public ConnectionService(
        IRuntimeStore store,
        EnvironmentSchema finOpsSchema,
        EnvironmentSchema dataverseSchema,
        IInitialSyncTrigger initialSync,
        ConnectionOptions? options = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(finOpsSchema);
        ArgumentNullException.ThrowIfNull(dataverseSchema);
        ArgumentNullException.ThrowIfNull(initialSync);
        this.store = store;
        this.finOpsSchema = finOpsSchema;
        this.dataverseSchema = dataverseSchema;
        this.initialSync = initialSync;
        this.options = options ?? new ConnectionOptions();
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Raised when the link, its companies or its solutions changed, for those who keep what they read of it.</summary>
    public event EventHandler? LinkChanged;

    /// <summary>The link as it may be shown, without secrets; null when the runtime is not linked.</summary>
    public async Task<ConnectionInfo?> GetAsync(CancellationToken cancellationToken)
    {
        if (await store.GetConnectionAsync(cancellationToken) is not { } json)
        {
            return null;
        }

        var saved = SavedConnection.Parse(json);
        var solutions = await store.GetSolutionsAsync(cancellationToken);
        var catalog = await StoredCatalog.LoadAsync(store, cancellationToken);
        var active = catalog.ActiveMaps
            .Select(map => (Map: map, Solution: catalog.ActiveSolution(map.Name)!))
            .Select(a => new ActiveMapVersion(a.Map.Name, a.Map.Version.ToString(), a.Solution.Name, a.Solution.Version.ToString()))
            .ToArray();
        return new ConnectionInfo(
            saved.FinOps.ToIdentity(),
            saved.Dataverse.ToIdentity(),
            await store.GetCompaniesAsync(cancellationToken),
            solutions.Select(s => new AppliedSolution(s.Name, s.Version, s.ImportedAt)).ToArray(),
            active,
            saved.HookBaseUrl,
            saved.Hooks,
            saved.LinkedAt,
            saved.LinkedBy);
    }

    /// <summary>The clients of both linked environments, as the runtime's application users; refused when not linked.</summary>
    public async Task<LinkedEnvironments> OpenAsync(CancellationToken cancellationToken)
    {
        var saved = await RequireLinkAsync(cancellationToken);
        return Open(saved.FinOps.ToAddress(), saved.Dataverse.ToAddress(), options.Retry);
    }

    /// <summary>
    /// The secret an environment's hook registration sends in the <c>X-DualWrite-Hook-Secret</c> header of every
    /// hook call, for the receivers to check; each registration has its own. Null when not linked. Never log it.
    /// </summary>
    public async Task<string?> GetHookSecretAsync(LiveSync.HookSource source, CancellationToken cancellationToken) =>
        await store.GetConnectionAsync(cancellationToken) is { } json ? SavedConnection.Parse(json).SecretOf(source) : null;

    public void Dispose() => gate.Dispose();

    private static string DescribeSide(string side, EnvironmentAddress address) => $"{side} at {address.ServiceRoot}";

    private async Task<SavedConnection> RequireLinkAsync(CancellationToken cancellationToken) =>
        await store.GetConnectionAsync(cancellationToken) is { } json
            ? SavedConnection.Parse(json)
            : throw new LinkException("This runtime is not linked to any environments: link an F&O and a Dataverse environment first.");

    private LinkedEnvironments Open(EnvironmentAddress finOps, EnvironmentAddress dataverse, Connectors.Http.RetryPolicy retry) =>
        LinkedEnvironments.Open(finOps, dataverse, finOpsSchema, dataverseSchema, retry, options, logger);
}
