using DualWrite.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Server.Hosting;

/// <summary>A runtime that is listening: where, and the runtime itself.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication app;

    internal RunningServer(WebApplication app, DualWriteRuntime runtime, string credentialsPath, string administratorToken)
    {
        this.app = app;
        Runtime = runtime;
        CredentialsPath = credentialsPath;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        // The fragment stays in the browser: the admin page takes the token from it and never sends the address on.
        SignInAddress = new Uri(BaseAddress, "#token=" + Uri.EscapeDataString(administratorToken));
    }

    /// <summary>The runtime's root: <c>http://127.0.0.1:5100/</c>; the hooks arrive below it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The admin page's address with the administrator's token, which signs in whoever opens it.</summary>
    public Uri SignInAddress { get; }

    public DualWriteRuntime Runtime { get; }

    /// <summary>The file that holds the admin API's tokens and the runtime's address.</summary>
    public string CredentialsPath { get; }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}
