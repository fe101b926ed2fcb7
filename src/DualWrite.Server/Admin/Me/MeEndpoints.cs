using System.Security.Claims;
using DualWrite.Server.Admin.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Me;

/// <summary>The caller as the runtime knows it, so that a client can tell a reader from an administrator before offering an action.</summary>
internal static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder read) =>
        read.MapGet("/me", (ClaimsPrincipal user) => new MeAnswer(user.Who(), user.IsInRole(AdminRoles.Administrator) ? AdminRoles.Administrator : AdminRoles.Reader)).WithTags("Caller");
}
