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
        _ => throw new NotSupportedException(kind.ToString()),
    };

    public abstract void AddServices(IServiceCollection services);

    public abstract void MapEndpoints(IEndpointRouteBuilder routes);

    /// <summary>Base data every environment of the kind has, then demo data when asked.</summary>
    public abstract Task PrepareAsync(IServiceProvider services, EnvironmentOptions options, CancellationToken cancellationToken);
}
