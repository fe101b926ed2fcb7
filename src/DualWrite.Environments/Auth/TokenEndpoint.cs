using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Environments.Auth;

/// <summary>The client-credentials grant in the shape of the Microsoft identity platform's v2.0 token endpoint.</summary>
internal static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/{tenant}/oauth2/v2.0/token", Issue).AllowAnonymous().DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> Issue(string tenant, HttpRequest request, EnvironmentCredentials credentials, TokenIssuer issuer)
    {
        if (!request.HasFormContentType)
        {
            return Error(400, "invalid_request", "AADSTS900144: The request body must be application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync();
        if (!string.Equals(tenant, credentials.Tenant, StringComparison.OrdinalIgnoreCase) && tenant is not ("common" or "organizations"))
        {
            return Error(400, "invalid_tenant", $"AADSTS90002: Tenant '{tenant}' not found.");
        }

        if (form["grant_type"] != "client_credentials")
        {
            return Error(400, "unsupported_grant_type", $"AADSTS70003: The grant type '{form["grant_type"]}' is not supported; use client_credentials.");
        }

        var principal = credentials.Find(form["client_id"].ToString());
        if (principal is null)
        {
            return Error(400, "unauthorized_client", $"AADSTS700016: Application with identifier '{form["client_id"]}' was not found in the tenant.");
        }

        if (!TokenIssuer.SecretMatches(principal, form["client_secret"].ToString()))
        {
            return Error(401, "invalid_client", $"AADSTS7000215: Invalid client secret provided for application '{principal.ClientId}'.");
        }

        var seconds = (int)TokenIssuer.Lifetime.TotalSeconds;
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = seconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = issuer.Issue(principal),
        });
    }

    private static IResult Error(int status, string code, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = code, ["error_description"] = description }, statusCode: status);
}
