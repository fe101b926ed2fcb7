using DualWrite.Environments.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Environments.Faults;

internal static class FaultEndpoints
{
    public static IEndpointRouteBuilder MapFaultEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/_emulator/faults").RequireAuthorization(AuthPolicies.Administer);
        group.MapGet("/", (FaultInjection faults) => Results.Json(faults.Settings));
        group.MapPut("/", (FaultSettings settings, FaultInjection faults) =>
        {
            if (settings.ThrottleShare is < 0 or > 1 || settings.RetryAfterSeconds < 0 || settings.LatencyMilliseconds < 0)
            {
                return Results.Problem(
                    "throttleShare must be between 0 and 1; retryAfterSeconds and latencyMilliseconds must not be negative",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            faults.Settings = settings;
            return Results.Json(settings);
        });
        return routes;
    }
}
