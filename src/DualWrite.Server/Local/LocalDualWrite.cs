using DualWrite.Connectors;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using DualWrite.Server.Hosting;

namespace DualWrite.Server.Local;

/// <summary>
/// Everything on one machine, in one process: both environments with their demo data and the runtime, on
/// loopback, linked for the chosen companies. Started again on the same folder, it finds its data and its link
/// where it left them.
/// </summary>
public sealed class LocalDualWrite : IAsyncDisposable
{
    private const string Who = "dualwrite up";

    private LocalDualWrite(RunningEnvironment finOps, RunningEnvironment dataverse, RunningServer runtime)
    {
        FinOps = finOps;
        Dataverse = dataverse;
        Runtime = runtime;
    }

    public RunningEnvironment FinOps { get; }

    public RunningEnvironment Dataverse { get; }

    public RunningServer Runtime { get; }

    /// <summary>The link the runtime works with.</summary>
    public ConnectionInfo Link { get; private set; } = null!;

    /// <summary>Whether this start made the link, rather than finding it.</summary>
    public bool LinkedNow { get; private set; }

    /// <exception cref="LinkException">The link could not be made; nothing of it is left on either side.</exception>
    public static async Task<LocalDualWrite> StartAsync(LocalDualWriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = new List<IAsyncDisposable>();
        try
        {
            var finOps = await EnvironmentHost.StartAsync(Environment(options, EnvironmentKind.FinOps, "finops", options.FinOpsPort), cancellationToken);
            started.Add(finOps);
            var dataverse = await EnvironmentHost.StartAsync(Environment(options, EnvironmentKind.Dataverse, "dataverse", options.DataversePort), cancellationToken);
            started.Add(dataverse);
            var runtime = await RuntimeServer.StartAsync(
                new ServerOptions
                {
                    Url = $"http://127.0.0.1:{options.RuntimePort}",
                    Verbose = options.Verbose,
                    Runtime = new RuntimeOptions { StorePath = Path.Combine(options.DataDirectory, "runtime", "runtime.db"), Writer = options.Writer },
                },
                cancellationToken);
            started.Add(runtime);
            var local = new LocalDualWrite(finOps, dataverse, runtime);
            await local.LinkAsync(options, cancellationToken);
            return local;
        }
        catch
        {
            foreach (var part in Enumerable.Reverse(started))
            {
                await part.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Dataverse.DisposeAsync();
        await FinOps.DisposeAsync();
    }

    /// <summary>
    /// Links the two environments when the runtime has no link yet. A link kept from an earlier start stays: the
    /// environments keep their ports and credentials in the same folder, so it still points at them.
    /// </summary>
    private async Task LinkAsync(LocalDualWriteOptions options, CancellationToken cancellationToken)
    {
        var connection = Runtime.Runtime.Connection;
        if (await connection.GetAsync(cancellationToken) is { } existing)
        {
            Link = existing;
            return;
        }

        Link = await connection.LinkAsync(
            new LinkRequest(Address(FinOps), Address(Dataverse), Runtime.BaseAddress) { Companies = options.Companies },
            Who,
            cancellationToken);
        LinkedNow = true;
    }

    /// <summary>The environment as the runtime reaches it: as its own application user, <c>dualwrite</c>.</summary>
    private static EnvironmentAddress Address(RunningEnvironment environment)
    {
        var principal = environment.Credentials.Get("dualwrite");
        return new EnvironmentAddress(environment.ServiceRoot, environment.TokenEndpoint, principal.ClientId, principal.ClientSecret, new Uri(environment.BaseAddress, ".default").ToString());
    }

    private static EnvironmentOptions Environment(LocalDualWriteOptions options, EnvironmentKind kind, string folder, int port) => new()
    {
        Kind = kind,
        DataDirectory = Path.Combine(options.DataDirectory, folder),
        Url = $"http://127.0.0.1:{port}",
        Demo = true,
        Faults = options.Faults,
        Verbose = options.Verbose,
    };
}
