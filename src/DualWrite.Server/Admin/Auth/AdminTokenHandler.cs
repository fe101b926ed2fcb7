using System.Security.Claims;
using System.Text.Encodings.Web;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DualWrite.Server.Admin.Auth;

/// <summary>
/// Signs in the caller of the admin API by the bearer token of <c>credentials.json</c>, and answers a missing or
/// unknown token (401) and a reader asking for a change (403) with problem details.
/// </summary>
internal sealed class AdminTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminCredentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (credentials.Find(header[BearerPrefix.Length..].Trim()) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.Fail("The token is not one of this runtime's."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        var detail = Request.Headers.Authorization.Count == 0
            ? $"Send a token in the Authorization header as 'Bearer <token>'; the runtime's tokens are in {credentials.Path}."
            : $"The token is not one this runtime knows; take one from {credentials.Path}.";
        return AdminProblems.Result(AdminProblem.Unauthenticated, detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.Result(
            AdminProblem.Forbidden,
            $"'{Context.User.Identity?.Name}' is a reader, who may only read; {Request.Method} {Request.Path} needs an administrator's token.")
        .ExecuteAsync(Context);
}
