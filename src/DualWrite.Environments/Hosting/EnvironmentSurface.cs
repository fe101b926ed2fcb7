using DualWrite.Environments.FinOps;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Environments.Hosting;

/// <summary>What differs between the two environments when hosting them: services, endpoints, first-start data.</summary>
internal abstract class EnvironmentSurface
{
    public static EnvironmentSurface For(EnvironmentKind kind) => kind switch
    {
        EnvironmentKind.FinOps => new FinOpsSurface(),
        _ => new Dataverse.DataverseSurface(),
    };

    public abstract void AddServices(IServiceCollection services);

    public abstract void MapEndpoints(IEndpointRouteBuilder routes);

    /// <summary>Demo data when asked, then the base data every environment of the kind has.</summary>
    /// <returns>What demo data was added, or null when none was asked for.</returns>
    public abstract Task<Demo.DemoDataSummary?> PrepareAsync(IServiceProvider services, EnvironmentOptions options, CancellationToken cancellationToken);

    protected static Storage.WriteActor AdministratorOf(IServiceProvider services)
    {
        var admin = services.GetRequiredService<Auth.EnvironmentCredentials>().Principals
            .First(p => p.Roles.Contains(Auth.EnvironmentRoles.SystemAdministrator));
        return new Storage.WriteActor(admin.ClientId, admin.UserId);
    }
}
