using DualWrite.Bench.Measuring;
using DualWrite.Connectors;
using DualWrite.Connectors.Auth;
using DualWrite.Connectors.Http;
using DualWrite.Core.Schema;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Bench.Hosting;

/// <summary>
/// An emulated environment in this process on a loopback port, with its data in a temporary folder removed at
/// the end, and a transport that calls it as the runtime's application user through a timed HTTP client.
/// </summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    private const string RuntimePrincipal = "dualwrite";
    private const string AdministratorPrincipal = "admin";

    private readonly TempFolder folder;
    private readonly HttpClient http;
    private readonly ClientCredentialsTokenSource tokens;

    private BenchEnvironment(RunningEnvironment running, TempFolder folder, RequestActivity activity)
    {
        Running = running;
        this.folder = folder;
        Schema = EnvironmentSchemas.Load(running.Options.Kind);
        Timings = new RequestTimings(new SocketsHttpHandler(), activity);
        http = new HttpClient(Timings) { Timeout = TimeSpan.FromMinutes(10) };
        var principal = running.Credentials.Get(RuntimePrincipal);
        var address = new EnvironmentAddress(running.ServiceRoot, running.TokenEndpoint, principal.ClientId, principal.ClientSecret, new Uri(running.BaseAddress, ".default").ToString());
        tokens = new ClientCredentialsTokenSource(http, address, TimeProvider.System);
        Transport = new ODataTransport(http, address, tokens, new RetryPolicy(), TimeProvider.System, NullLogger.Instance);
    }

    public RunningEnvironment Running { get; }

    public EnvironmentSchema Schema { get; }

    /// <summary>How long the requests of <see cref="Transport"/> took, by kind.</summary>
    public RequestTimings Timings { get; }

    /// <summary>Calls the environment as the runtime's application user, with the runtime's default retry policy.</summary>
    public ODataTransport Transport { get; }

    /// <summary>The environment's own storage, for what is deliberately done beside the protocols (filling, the baseline).</summary>
    public EnvironmentStore Store => Running.Services.GetRequiredService<EnvironmentStore>();

    /// <summary>Who storage writes made beside the protocols are recorded as: the environment's administrator.</summary>
    public WriteActor Administrator
    {
        get
        {
            var admin = Running.Credentials.Get(AdministratorPrincipal);
            return new WriteActor(admin.ClientId, admin.UserId);
        }
    }

    /// <param name="kind">Which environment.</param>
    /// <param name="demo">Whether it starts with its demo data.</param>
    /// <param name="activity">Where its requests are timed together with the other environment's.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<BenchEnvironment> StartAsync(EnvironmentKind kind, bool demo, RequestActivity activity, CancellationToken cancellationToken)
    {
        var folder = TempFolder.Create(kind.ToString().ToLowerInvariant());
        try
        {
            var running = await EnvironmentHost.StartAsync(new EnvironmentOptions { Kind = kind, DataDirectory = folder.Path, Demo = demo }, cancellationToken);
            return new BenchEnvironment(running, folder, activity);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        tokens.Dispose();
        http.Dispose();
        await Running.DisposeAsync();
        folder.Dispose();
    }
}
