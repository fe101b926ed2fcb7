using System.Text.Json.Serialization;

namespace DualWrite.Server.Admin.Auth;

/// <summary>The shape of <c>credentials.json</c>: where the runtime listens and who may call it.</summary>
internal sealed record CredentialsFile(
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("users")] IReadOnlyList<AdminUser> Users);
