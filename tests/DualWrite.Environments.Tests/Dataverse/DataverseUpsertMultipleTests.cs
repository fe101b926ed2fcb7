using System.Net;
using System.Text;
using System.Text.Json;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

public sealed class DataverseUpsertMultipleTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private TestEnvironment Env => fixture.Environment;

    [Fact]
    public async Task UpsertMultiple_creates_and_updates_rows_found_by_odata_id_or_by_alternate_key_values_and_returns_their_ids()
    {
        using var client = await Env.ClientAsync();
        using var first = await PostAsync(client,
            Target($"accounts(accountnumber='M-1',_msdyn_company_value={fixture.Usmf})", "First"),
            Target(null, "Second", ("accountnumber", "M-2"), ("msdyn_company@odata.bind", $"/cdm_companies({fixture.Usmf})")));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var ids = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("Ids").EnumerateArray().Select(e => e.GetGuid()).ToArray();
        Assert.Equal(2, ids.Length);

        using var again = await PostAsync(client, Target($"accounts(accountnumber='M-1',_msdyn_company_value={fixture.Usmf})", "First, renamed"));
        Assert.Equal(ids[0], JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("Ids")[0].GetGuid());
        var row = await Dv.ReadAsync(client, $"accounts({ids[0]})");
        Assert.Equal("First, renamed", row.GetProperty("name").GetString());
        Assert.Equal(fixture.Usmf, row.GetProperty("_msdyn_company_value").GetGuid());
    }

    [Fact]
    public async Task One_refused_target_writes_none_and_the_error_names_it()
    {
        using var client = await Env.ClientAsync();
        using var response = await PostAsync(client,
            Target($"accounts(accountnumber='N-1',_msdyn_company_value={fixture.Usmf})", "Fine"),
            Target($"accounts(accountnumber='N-2',_msdyn_company_value={fixture.Usmf})", new string('x', 500)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 160", await Dv.ErrorAsync(response), StringComparison.Ordinal);
        using var missing = await client.GetAsync(Dv.AccountKey("N-1", fixture.Usmf));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, params Dictionary<string, object?>[] targets) =>
        client.PostAsync("accounts/Microsoft.Dynamics.CRM.UpsertMultiple", new StringContent(JsonSerializer.Serialize(new { Targets = targets }), Encoding.UTF8, "application/json"));

    private static Dictionary<string, object?> Target(string? odataId, string name, params (string Name, object? Value)[] more)
    {
        var target = new Dictionary<string, object?> { ["@odata.type"] = "Microsoft.Dynamics.CRM.account", ["name"] = name };
        if (odataId is not null)
        {
            target["@odata.id"] = odataId;
        }

        foreach (var (key, value) in more)
        {
            target[key] = value;
        }

        return target;
    }
}
