using System.Security.Claims;
using DualWrite.Runtime;
using DualWrite.Runtime.Reconciliation;
using DualWrite.Server.Admin.Auth;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Compare;

/// <summary>
/// Compares a map's two sides, and fixes them when asked. A comparison changes nothing, so a reader may ask for one
/// although it is a POST (it carries a body and may take minutes, which a GET should not); a fix writes to both
/// environments and needs an administrator.
/// </summary>
internal static class CompareEndpoints
{
    /// <summary>Differing rows answered in detail when the body does not say; the counts are exact regardless.</summary>
    public const int DefaultMaxDifferences = 100;

    public static void MapCompareEndpoints(this IEndpointRouteBuilder read)
    {
        read.MapPost("/maps/{name}/compare", CompareAsync).Produces<ComparisonReport>().WithTags("Compare");
    }

    private static async Task<IResult> CompareAsync(string name, CompareBody? body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        body ??= new CompareBody();
        if (body.Fix && body.Master is null)
        {
            throw new AdminRequestException("master", "A fix needs a master, Dataverse or FinOps: the side whose values win.");
        }

        if (!body.Fix && body.Master is not null)
        {
            throw new AdminRequestException("fix", "A master only decides a fix: send \"fix\": true with it, or leave the master out.");
        }

        var map = await runtime.RequireAsync(name, cancellationToken);
        if (body.Fix && !user.IsInRole(AdminRoles.Administrator))
        {
            return Results.Forbid(authenticationSchemes: [AdminRoles.Scheme]);
        }

        var request = new ComparisonRequest(body.Company, body.Fix ? body.Master : null, body.MaxDifferences ?? DefaultMaxDifferences);
        return TypedResults.Ok(await runtime.CompareAsync(map.Name, request, user.Who(), cancellationToken));
    }
}
