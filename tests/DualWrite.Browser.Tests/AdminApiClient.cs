using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualWrite.Browser.Tests;

/// <summary>
/// The admin API as the administrator calls it, for what a test needs in place before the page is looked at, so
/// that the browser drives only what the test is about.
/// </summary>
internal sealed class AdminApiClient : IDisposable
{
    private readonly HttpClient http;

    public AdminApiClient(RuntimeUnderTest runtime)
    {
        http = new HttpClient { BaseAddress = new Uri(runtime.Address, "/api/v1/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminTokens.Of(runtime, "administrator"));
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return await AnswerAsync(response);
    }

    /// <summary>The status alone, for a call whose refusal is what the test expects.</summary>
    public async Task<int> StatusOfAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (int)response.StatusCode;
    }

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await AnswerAsync(response);
    }

    public static string Map(string name) => "maps/" + Uri.EscapeDataString(name);

    public async Task<string> StateOfAsync(string map) => (await GetAsync(Map(map))).GetProperty("state").GetString()!;

    /// <summary>Runs the map, unless it runs already, with the maps it needs that are not running yet, each with its initial sync, and waits until it runs live.</summary>
    public async Task RunWithRelatedAsync(string map)
    {
        var related = await GetAsync(Map(map) + "/related");
        var maps = related.GetProperty("maps").EnumerateArray()
            .Where(m => m.GetProperty("state").GetString() == "NotRunning")
            .Select(m => new { map = m.GetProperty("map").GetString(), initialSync = true })
            .ToArray();
        if (maps.Length > 0)
        {
            await PostAsync("actions/run", new { maps });
        }

        Assert.True(
            await DualWrite.Testing.Eventually.HoldsAsync(async () => await StateOfAsync(map) == "Running", TimeSpan.FromMinutes(2)),
            $"{map} did not reach Running");
    }

    private static async Task<JsonElement> AnswerAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
