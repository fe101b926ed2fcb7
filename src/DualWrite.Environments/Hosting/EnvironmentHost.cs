using DualWrite.Environments.Auth;
using DualWrite.Environments.Faults;
using DualWrite.Environments.Hooks;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualWrite.Environments.Hosting;

/// <summary>Builds and starts one emulated environment as an ASP.NET Core application.</summary>
public static class EnvironmentHost
{
    public static async Task<RunningEnvironment> StartAsync(EnvironmentOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var credentials = options.Credentials ?? EnvironmentCredentials.LoadOrCreate(options.DataDirectory, "dat");
        var schema = EnvironmentSchemas.Load(options.Kind);
        var store = new EnvironmentStore(schema, Path.Combine(options.DataDirectory, options.Kind.ToString().ToLowerInvariant() + ".db"), options.Time);
        var issuer = new TokenIssuer(credentials, options.Time);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        if (options.Verbose)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        var services = builder.Services;
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        services.AddSingleton(options);
        services.AddSingleton(options.Time);
        services.AddSingleton(credentials);
        services.AddSingleton(issuer);
        services.AddSingleton(store);
        services.AddSingleton(new FaultInjection(options.Time) { Settings = options.Faults });
        services.AddSingleton(sp => new HookCaller(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options.Time, options.HookTimeout));
        AddAuth(services, issuer);
        var surface = EnvironmentSurface.For(options.Kind);
        surface.AddServices(services);

        var app = builder.Build();
        var faults = app.Services.GetRequiredService<FaultInjection>();
        app.Use((context, next) => faults.InvokeAsync(context, next));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTokenEndpoint();
        app.MapFaultEndpoints();
        surface.MapEndpoints(app);
        var demo = await surface.PrepareAsync(app.Services, options, cancellationToken);
        await app.StartAsync(cancellationToken);
        return new RunningEnvironment(app, options, credentials) { DemoSummary = demo?.ToString() };
    }

    private static void AddAuth(IServiceCollection services, TokenIssuer issuer)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = issuer.ValidationParameters();
            o.Events = new JwtBearerEvents
            {
                OnForbidden = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    var caller = context.Principal?.FindFirst("appid")?.Value;
                    return context.Response.WriteAsJsonAsync(new
                    {
                        error = new { code = "0x80040220", message = $"The principal {caller} does not hold a role that allows {context.Request.Method} {context.Request.Path}." },
                    });
                },
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Read, p => p.RequireRole(EnvironmentRoles.SystemAdministrator, EnvironmentRoles.ApplicationUser, EnvironmentRoles.ReadOnly))
            .AddPolicy(AuthPolicies.Write, p => p.RequireRole(EnvironmentRoles.SystemAdministrator, EnvironmentRoles.ApplicationUser))
            .AddPolicy(AuthPolicies.Administer, p => p.RequireRole(EnvironmentRoles.SystemAdministrator));
    }
}
