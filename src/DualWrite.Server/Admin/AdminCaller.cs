using System.Security.Claims;

namespace DualWrite.Server.Admin;

/// <summary>Who calls: the name of the token's user, which the activity log records.</summary>
internal static class AdminCaller
{
    public static string Who(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("an admin endpoint ran without a signed-in caller");
}
