using DualWrite.Connectors;
using DualWrite.Connectors.Auth;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Connectors.Http;
using DualWrite.Core.Schema;
using Microsoft.Extensions.Logging;

namespace DualWrite.Runtime.Connection;

/// <summary>
/// The clients of both linked environments, signed in as the runtime's application users. It owns their HTTP
/// connections and tokens: dispose it when done.
/// </summary>
public sealed class LinkedEnvironments : IDisposable
{
    private readonly HttpClient http;

    private LinkedEnvironments(HttpClient http, ClientCredentialsTokenSource finOpsTokens, ClientCredentialsTokenSource dataverseTokens, ODataTransport finOps, ODataTransport dataverse, EnvironmentSchema finOpsSchema, EnvironmentSchema dataverseSchema)
    {
        this.http = http;
        FinOpsTokens = finOpsTokens;
        DataverseTokens = dataverseTokens;
        FinOpsTransport = finOps;
        DataverseTransport = dataverse;
        FinOps = new FinOpsClient(finOps, finOpsSchema);
        Dataverse = new DataverseClient(dataverse, dataverseSchema);
    }

    /// <summary>F&amp;O as the runtime's application user, whose own writes do not fire the link's sync hook.</summary>
    public FinOpsClient FinOps { get; }

    /// <summary>Dataverse as the runtime's application user, whose own writes do not fire the link's webhook.</summary>
    public DataverseClient Dataverse { get; }

    /// <summary>Calls F&amp;O as the runtime; its statistics count the calls made.</summary>
    public ODataTransport FinOpsTransport { get; }

    /// <summary>Calls Dataverse as the runtime; its statistics count the calls made.</summary>
    public ODataTransport DataverseTransport { get; }

    internal ClientCredentialsTokenSource FinOpsTokens { get; }

    internal ClientCredentialsTokenSource DataverseTokens { get; }

    public void Dispose()
    {
        FinOpsTokens.Dispose();
        DataverseTokens.Dispose();
        http.Dispose();
    }

    internal static LinkedEnvironments Open(
        EnvironmentAddress finOps,
        EnvironmentAddress dataverse,
        EnvironmentSchema finOpsSchema,
        EnvironmentSchema dataverseSchema,
        RetryPolicy retry,
        ConnectionOptions options,
        ILogger logger)
    {
        // One handler for both sides: connections are pooled per host anyway, and a link holds exactly two hosts.
        var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true);
        var finOpsTokens = new ClientCredentialsTokenSource(http, finOps, options.Time);
        var dataverseTokens = new ClientCredentialsTokenSource(http, dataverse, options.Time);
        return new LinkedEnvironments(
            http,
            finOpsTokens,
            dataverseTokens,
            new ODataTransport(http, finOps, finOpsTokens, retry, options.Time, logger),
            new ODataTransport(http, dataverse, dataverseTokens, retry, options.Time, logger),
            finOpsSchema,
            dataverseSchema);
    }
}
