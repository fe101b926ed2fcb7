using System.Text.Json.Serialization;

namespace DualWrite.Server.Admin.Auth;

/// <summary>One token holder of <c>credentials.json</c>: the name the activity log records, its role and its token.</summary>
internal sealed record AdminUser(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("token")] string Token)
{
    /// <summary>A record would print the token.</summary>
    public override string ToString() => $"{Name} ({Role})";
}
