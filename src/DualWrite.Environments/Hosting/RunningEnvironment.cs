using DualWrite.Environments.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Environments.Hosting;

/// <summary>An environment that is listening: where it is and who may call it.</summary>
public sealed class RunningEnvironment : IAsyncDisposable
{
    private readonly WebApplication app;

    internal RunningEnvironment(WebApplication app, EnvironmentOptions options, EnvironmentCredentials credentials)
    {
        this.app = app;
        Options = options;
        Credentials = credentials;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public EnvironmentOptions Options { get; }

    /// <summary>What demo data the start added, in words, or null when none was asked for.</summary>
    public string? DemoSummary { get; init; }

    public EnvironmentCredentials Credentials { get; }

    /// <summary>The root of the environment: <c>http://127.0.0.1:5101/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The OData service root: <c>…/data/</c> or <c>…/api/data/v9.2/</c>.</summary>
    public Uri ServiceRoot => new(BaseAddress, Options.Kind == EnvironmentKind.FinOps ? "data/" : "api/data/v9.2/");

    /// <summary>The client-credentials token endpoint of the environment's tenant.</summary>
    public Uri TokenEndpoint => new(BaseAddress, $"{Credentials.Tenant}/oauth2/v2.0/token");

    public string CredentialsPath => Path.Combine(Options.DataDirectory, EnvironmentCredentials.FileName);

    internal IServiceProvider Services => app.Services;

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
