using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DualWrite.Environments.Auth;

/// <summary>Issues and describes the validation of the environment's bearer tokens (JWT, HS256).</summary>
internal sealed class TokenIssuer(EnvironmentCredentials credentials, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly SymmetricSecurityKey key = new(Convert.FromBase64String(credentials.SigningKey));

    public string Issuer => $"https://login.dualwrite.local/{credentials.Tenant}/v2.0";

    public string Issue(Principal principal)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new("appid", principal.ClientId),
            new("azp", principal.ClientId),
            new("oid", principal.UserId.ToString("D")),
            new("tid", credentials.Tenant),
        };
        claims.AddRange(principal.Roles.Select(r => new Claim("roles", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "dualwrite-environment",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = "dualwrite-environment",
        IssuerSigningKey = key,
        RoleClaimType = "roles",
        NameClaimType = "appid",
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    /// <summary>Constant-time comparison, so a wrong secret takes as long to refuse whatever its prefix.</summary>
    public static bool SecretMatches(Principal principal, string secret) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(principal.ClientSecret),
            Encoding.UTF8.GetBytes(secret));
}
