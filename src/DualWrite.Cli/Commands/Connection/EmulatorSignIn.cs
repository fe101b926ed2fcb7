using System.Text.Json;
using DualWrite.Cli.Commands.Calls;

namespace DualWrite.Cli.Commands.Connection;

/// <summary>
/// How the runtime's application user signs in to an emulated environment that <c>dualwrite up</c> or
/// <c>dualwrite env</c> started in the data folder, read from the credentials it wrote there, so that linking
/// them needs no option.
/// </summary>
internal static class EmulatorSignIn
{
    private const string Principal = "dualwrite";

    /// <returns>The tenant and the application user's client id and secret, or null when the folder holds no credentials.</returns>
    public static (string Tenant, string ClientId, string ClientSecret)? Read(string environmentFolder)
    {
        var path = Path.Combine(environmentFolder, "credentials.json");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var tenant = json.RootElement.GetProperty("tenant").GetString();
            var user = json.RootElement.GetProperty("principals").EnumerateArray()
                .FirstOrDefault(p => p.TryGetProperty("name", out var name) && name.GetString() == Principal);
            if (tenant is null || user.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{path} has no tenant or no '{Principal}' principal; pass the client id and secret as options.");
            }

            return (tenant, user.GetProperty("clientId").GetString()!, user.GetProperty("clientSecret").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new UsageException($"{path} cannot be read: {e.Message}", e);
        }
    }
}
