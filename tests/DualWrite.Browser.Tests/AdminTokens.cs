using System.Text.Json;

namespace DualWrite.Browser.Tests;

/// <summary>The admin API's tokens, read where the runtime writes them: <c>DATA/runtime/credentials.json</c>.</summary>
internal static class AdminTokens
{
    public static string Of(RuntimeUnderTest runtime, string role)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(runtime.RuntimeFolder, "credentials.json")));
        return file.RootElement.GetProperty("users").EnumerateArray()
            .First(u => u.GetProperty("role").GetString() == role)
            .GetProperty("token").GetString()!;
    }
}
