using System.Text.Json.Serialization;

namespace DualWrite.Environments.Auth;

/// <summary>An application registration that may call the environment (client credentials).</summary>
/// <param name="Name">What the principal is for, shown in logs instead of its secret.</param>
/// <param name="ClientId">The application (client) id.</param>
/// <param name="ClientSecret">The secret that buys a token.</param>
/// <param name="UserId">The user the environment records as the writer of rows.</param>
/// <param name="Roles">Its roles (<see cref="EnvironmentRoles"/>).</param>
/// <param name="Company">For F&amp;O: the default company of its calls.</param>
public sealed record Principal(
    string Name,
    string ClientId,
    [property: JsonPropertyName("clientSecret")] string ClientSecret,
    Guid UserId,
    IReadOnlyList<string> Roles,
    string? Company = null)
{
    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"{Name} ({ClientId})";
}
