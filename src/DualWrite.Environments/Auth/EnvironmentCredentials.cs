using System.Security.Cryptography;
using System.Text.Json;

namespace DualWrite.Environments.Auth;

/// <summary>
/// The tenant, the principals and the token signing key of one environment. Written once to the data folder so
/// that tokens and secrets survive a restart; the file is the configuration a user hands to clients.
/// </summary>
public sealed record EnvironmentCredentials(string Tenant, string SigningKey, IReadOnlyList<Principal> Principals)
{
    public const string FileName = "credentials.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // Secrets are copied from this file by hand; keep them as they are rather than escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Fresh secrets for an administrator, the dual-write application, an ordinary application user and a reader.</summary>
    public static EnvironmentCredentials Generate(string defaultCompany = "dat") => new(
        Guid.NewGuid().ToString("D"),
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        [
            NewPrincipal("admin", [EnvironmentRoles.SystemAdministrator], defaultCompany),
            NewPrincipal("dualwrite", [EnvironmentRoles.SystemAdministrator, EnvironmentRoles.ApplicationUser], defaultCompany),
            NewPrincipal("app", [EnvironmentRoles.ApplicationUser], defaultCompany),
            NewPrincipal("reader", [EnvironmentRoles.ReadOnly], defaultCompany),
        ]);

    /// <summary>Reads the file in <paramref name="directory"/>, or generates and writes it when there is none.</summary>
    public static EnvironmentCredentials LoadOrCreate(string directory, string defaultCompany)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<EnvironmentCredentials>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty");
        }

        var created = Generate(defaultCompany);
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(created, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return created;
    }

    public Principal? Find(string clientId) =>
        Principals.FirstOrDefault(p => string.Equals(p.ClientId, clientId, StringComparison.OrdinalIgnoreCase));

    public Principal Get(string name) =>
        Principals.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"no principal named '{name}'");

    private static Principal NewPrincipal(string name, IReadOnlyList<string> roles, string company) => new(
        name,
        Guid.NewGuid().ToString("D"),
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('='),
        Guid.NewGuid(),
        roles,
        company);
}
