using System.Text.Json;

namespace DualWrite.Cli.Remote;

/// <summary>What <c>dualwrite up</c> and <c>dualwrite serve</c> leave in <c>DATA/runtime/credentials.json</c>: where the runtime is, and its users' tokens.</summary>
internal sealed record RuntimeCredentials(Uri Runtime, IReadOnlyList<RuntimeUser> Users)
{
    public const string AdministratorRole = "administrator";

    public static string PathIn(string dataFolder) => Path.Combine(dataFolder, "runtime", "credentials.json");

    /// <returns>The file's content, or null when there is no such file.</returns>
    public static RuntimeCredentials? ReadFrom(string dataFolder)
    {
        var path = PathIn(dataFolder);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), AdminJson.Default.RuntimeCredentials)
                ?? throw new RuntimeUnreachableException($"{path} is empty; start the runtime again with `dualwrite up` or `dualwrite serve` to write it.");
        }
        catch (JsonException e)
        {
            throw new RuntimeUnreachableException($"{path} cannot be read: {e.Message}");
        }
    }

    public string? AdministratorToken =>
        Users.FirstOrDefault(u => string.Equals(u.Role, AdministratorRole, StringComparison.OrdinalIgnoreCase))?.Token;
}
