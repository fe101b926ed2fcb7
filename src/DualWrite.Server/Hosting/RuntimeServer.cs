using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using DualWrite.Server.Admin;
using DualWrite.Server.Admin.Auth;
using DualWrite.Server.Admin.Ui;
using DualWrite.Server.Hooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DualWrite.Server.Hosting;

/// <summary>Builds and starts the runtime as an ASP.NET Core application: its hook endpoints and its own work.</summary>
public static class RuntimeServer
{
    public static async Task<RunningServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        if (options.Verbose)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        // The maps name what the shipped environment schemas describe; the same schemas type both sides' rows.
        var runtime = await DualWriteRuntime.OpenAsync(
            options.Runtime,
            EnvironmentSchemas.Load(EnvironmentKind.FinOps),
            EnvironmentSchemas.Load(EnvironmentKind.Dataverse),
            options.Verbose ? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)) : null,
            cancellationToken);
        try
        {
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
            builder.Services.AddSingleton(runtime);
            builder.Services.AddHostedService<RuntimeWork>();
            builder.Services.AddSingleton(options.Runtime.Time);
            var credentials = AdminCredentials.Load(options.CredentialsPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Runtime.StorePath))!, "credentials.json"));
            builder.Services.AddAdminApi(credentials);
            var app = builder.Build();
            app.MapAdminApi();
            app.MapHookEndpoints();
            app.MapAdminUi();
            await app.StartAsync(cancellationToken);
            var running = new RunningServer(app, runtime, credentials.Path, credentials.AdministratorToken);
            credentials.Save(running.BaseAddress);
            return running;
        }
        catch
        {
            await runtime.DisposeAsync();
            throw;
        }
    }
}
