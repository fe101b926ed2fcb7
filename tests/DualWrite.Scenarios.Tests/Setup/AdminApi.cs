using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DualWrite.Testing;

namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// The runtime's admin API as an administrator calls it, one operation per step of the setup guidance: add a
/// company, bootstrap, run, compare. Each answer's status is checked, and a refusal fails with its body.
/// </summary>
internal sealed class AdminApi(HttpClient http)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    public Task<JsonElement> LinkAsync(object body) => SendAsync(HttpMethod.Post, "api/v1/connection", JsonContent.Create(body), HttpStatusCode.Created);

    public Task<JsonElement> AddCompanyAsync(string code) => SendAsync(HttpMethod.Post, "api/v1/connection/companies", JsonContent.Create(new { code }));

    /// <summary>Gives the Dataverse rows of a table that have no company the one named, and waits for the job to end.</summary>
    public async Task<JsonElement> BootstrapCompanyAsync(string company, string table)
    {
        var started = await SendAsync(HttpMethod.Post, "api/v1/bootstrap/company", JsonContent.Create(new { company, table }), HttpStatusCode.Accepted);
        return await FinishedJobAsync(started);
    }

    /// <summary>Loads a data-management export into Dataverse through a map, and waits for the job to end.</summary>
    public async Task<JsonElement> BootstrapFileAsync(string map, string csv)
    {
        var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var started = await SendAsync(HttpMethod.Post, $"api/v1/bootstrap/file?map={Uri.EscapeDataString(map)}", content, HttpStatusCode.Accepted);
        return await FinishedJobAsync(started);
    }

    /// <summary>The maps Run proposes for <paramref name="map"/>: those it needs that are not running yet, dependencies first, and itself.</summary>
    public async Task<string[]> RelatedAsync(string map)
    {
        var related = await SendAsync(HttpMethod.Get, $"api/v1/maps/{Uri.EscapeDataString(map)}/related", null);
        return related.GetProperty("maps").EnumerateArray().Select(m => m.GetProperty("map").GetString()!).ToArray();
    }

    /// <summary>Runs the maps in the order given, with or without initial sync, and waits until every one of them runs live.</summary>
    public async Task RunAsync(IReadOnlyList<string> maps, bool initialSync, string master = "Dataverse")
    {
        await SendAsync(HttpMethod.Post, "api/v1/actions/run", JsonContent.Create(new { maps = maps.Select(map => new { map, initialSync }).ToArray(), master }));
        var states = new Dictionary<string, string>();
        var settled = await Eventually.HoldsAsync(
            async () =>
            {
                states = await StatesAsync();
                return maps.All(m => states[m] is "Running" or "NotRunning");
            },
            Patience,
            TimeSpan.FromMilliseconds(100));
        var notRunning = maps.Where(m => states.GetValueOrDefault(m) != "Running").ToArray();
        if (!settled || notRunning.Length > 0)
        {
            var why = new StringBuilder();
            foreach (var map in notRunning)
            {
                why.AppendLine(map + ": " + states.GetValueOrDefault(map) + " " + await SendAsync(HttpMethod.Get, $"api/v1/maps/{Uri.EscapeDataString(map)}/activity?limit=3", null));
            }

            Assert.Fail("not every map runs live:\n" + why);
        }
    }

    /// <summary>Every active map by name, with its state.</summary>
    public async Task<Dictionary<string, string>> StatesAsync() =>
        (await SendAsync(HttpMethod.Get, "api/v1/maps", null)).EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("state").GetString()!);

    /// <summary>The latest initial sync run of a map.</summary>
    public Task<JsonElement> InitialSyncAsync(string map) => SendAsync(HttpMethod.Get, $"api/v1/maps/{Uri.EscapeDataString(map)}/initial-sync", null);

    /// <summary>Compares both sides of a map over every linked company; with a master, fixes what differs.</summary>
    public Task<JsonElement> CompareAsync(string map, string? fixWith = null) =>
        SendAsync(HttpMethod.Post, $"api/v1/maps/{Uri.EscapeDataString(map)}/compare", JsonContent.Create(new { fix = fixWith is not null, master = fixWith, maxDifferences = 20 }));

    private async Task<JsonElement> FinishedJobAsync(JsonElement started)
    {
        var id = started.GetProperty("id").GetString()!;
        var job = started;
        Assert.True(
            await Eventually.HoldsAsync(
                async () =>
                {
                    job = await SendAsync(HttpMethod.Get, $"api/v1/bootstrap/jobs/{id}", null);
                    return job.GetProperty("status").GetString() != "Running";
                },
                Patience,
                TimeSpan.FromMilliseconds(100)),
            $"bootstrap job {id} did not end: {job}");
        Assert.True(job.GetProperty("status").GetString() == "Completed", $"bootstrap job {id} failed: {job}");
        return job;
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent? content, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
