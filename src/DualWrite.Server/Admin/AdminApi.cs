using System.Text.Json.Serialization;
using DualWrite.Server.Admin.Actions;
using DualWrite.Server.Admin.Alerts;
using DualWrite.Server.Admin.Auth;
using DualWrite.Server.Admin.Bootstrap;
using DualWrite.Server.Admin.Compare;
using DualWrite.Server.Admin.Connection;
using DualWrite.Server.Admin.Errors;
using DualWrite.Server.Admin.InitialSync;
using DualWrite.Server.Admin.Maps;
using DualWrite.Server.Admin.Me;
using DualWrite.Server.Admin.Problems;
using DualWrite.Server.Admin.Queue;
using DualWrite.Server.Admin.Solutions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Server.Admin;

/// <summary>
/// The versioned admin API under <c>/api/v1/</c> (docs/api.md): bearer tokens with two roles, problem details for
/// every error, JSON in camelCase with enums by name, and its OpenAPI document.
/// </summary>
internal static class AdminApi
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddAdminApi(this IServiceCollection services, AdminCredentials credentials)
    {
        services.AddSingleton(credentials);
        services.AddSingleton<BootstrapJobs>();
        services.AddAuthentication(AdminRoles.Scheme).AddScheme<AuthenticationSchemeOptions, AdminTokenHandler>(AdminRoles.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminRoles.ReadPolicy, p => p.AddAuthenticationSchemes(AdminRoles.Scheme).RequireRole(AdminRoles.Administrator, AdminRoles.Reader))
            .AddPolicy(AdminRoles.ChangePolicy, p => p.AddAuthenticationSchemes(AdminRoles.Scheme).RequireRole(AdminRoles.Administrator));
        services.AddProblemDetails();
        services.AddExceptionHandler<AdminExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
        });

        // A body that cannot be read reaches the exception handler, which says which property and why.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true);
        return services;
    }

    public static void MapAdminApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi(Prefix + "/openapi.json");
        var api = app.MapGroup(Prefix);
        var read = api.MapGroup(string.Empty).RequireAuthorization(AdminRoles.ReadPolicy);
        var change = api.MapGroup(string.Empty).RequireAuthorization(AdminRoles.ChangePolicy);
        read.MapMeEndpoints();
        read.MapConnectionEndpoints(change);
        read.MapSolutionEndpoints(change);
        read.MapMapEndpoints(change);
        change.MapActionEndpoints();
        read.MapInitialSyncEndpoints();
        read.MapCompareEndpoints();
        read.MapErrorEndpoints(change);
        read.MapQueueEndpoints();
        read.MapAlertEndpoints(change);
        read.MapBootstrapEndpoints(change);
    }
}
