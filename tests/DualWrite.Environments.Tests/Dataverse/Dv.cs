using System.Text.Json;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

/// <summary>Small helpers for calling the Dataverse Web API the way a client does.</summary>
internal static class Dv
{
    /// <summary>A JSON body whose property names may carry annotations, such as <c>msdyn_company@odata.bind</c>.</summary>
    public static StringContent Body(params (string Name, object? Value)[] properties) =>
        TestEnvironment.Json(properties.ToDictionary(p => p.Name, p => p.Value));

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string url, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, HttpContent content, params (string Name, string Value)[] headers) =>
        SendAsync(client, HttpMethod.Patch, url, content, headers);

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? prefer = null) =>
        prefer is null ? SendAsync(client, HttpMethod.Get, url) : SendAsync(client, HttpMethod.Get, url, null, ("Prefer", prefer));

    /// <summary>The id at the end of the response's <c>OData-EntityId</c>: <c>…/accounts(guid)</c>.</summary>
    public static Guid IdOf(HttpResponseMessage response)
    {
        var entityId = response.Headers.GetValues("OData-EntityId").Single();
        var open = entityId.LastIndexOf('(');
        return Guid.Parse(entityId[(open + 1)..^1]);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    public static async Task<JsonElement> ReadAsync(HttpClient client, string url, string? prefer = null)
    {
        using var response = await GetAsync(client, url, prefer);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    public static async Task<List<JsonElement>> ValuesAsync(HttpClient client, string url, string? prefer = null) =>
        (await ReadAsync(client, url, prefer)).GetProperty("value").EnumerateArray().ToList();

    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        var error = json.GetProperty("error");
        Assert.StartsWith("0x", error.GetProperty("code").GetString(), StringComparison.Ordinal);
        return error.GetProperty("message").GetString()!;
    }

    /// <summary>Creates an account and answers its id.</summary>
    public static async Task<Guid> CreateAccountAsync(HttpClient client, string number, Guid? company, string name = "Account", params (string Name, object? Value)[] more)
    {
        var properties = new List<(string, object?)> { ("name", name), ("accountnumber", number) };
        if (company is { } id)
        {
            properties.Add(("msdyn_company@odata.bind", $"/cdm_companies({id})"));
        }

        properties.AddRange(more);
        using var response = await client.PostAsync("accounts", Body([.. properties]));
        Assert.True(response.IsSuccessStatusCode, $"create account {number}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return IdOf(response);
    }

    public static string AccountKey(string number, Guid company) => $"accounts(accountnumber='{number}',_msdyn_company_value={company})";
}
