using System.Net;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

public sealed class DataverseLookupTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private TestEnvironment Env => fixture.Environment;

    [Fact]
    public async Task A_lookup_binds_by_id_or_by_alternate_key_and_reads_back_as_its_value()
    {
        using var client = await Env.ClientAsync();
        var byId = await Dv.CreateAccountAsync(client, "L-001", fixture.Usmf);
        using var byKeyResponse = await client.PostAsync("accounts", Dv.Body(
            ("name", "By key"), ("accountnumber", "L-002"), ("msdyn_company@odata.bind", "/cdm_companies(cdm_companycode='gbsi')")));
        Assert.Equal(HttpStatusCode.NoContent, byKeyResponse.StatusCode);
        var byKey = Dv.IdOf(byKeyResponse);
        using var relative = await client.PostAsync("accounts", Dv.Body(
            ("name", "Relative"), ("accountnumber", "L-003"), ("msdyn_company@odata.bind", $"cdm_companies({fixture.Usmf})")));
        Assert.Equal(HttpStatusCode.NoContent, relative.StatusCode);

        Assert.Equal(fixture.Usmf, (await Dv.ReadAsync(client, $"accounts({byId})")).GetProperty("_msdyn_company_value").GetGuid());
        Assert.Equal(fixture.Gbsi, (await Dv.ReadAsync(client, $"accounts({byKey})")).GetProperty("_msdyn_company_value").GetGuid());
        Assert.Equal(fixture.Usmf, (await Dv.ReadAsync(client, $"accounts({Dv.IdOf(relative)})")).GetProperty("_msdyn_company_value").GetGuid());

        using var child = await client.PostAsync("contacts", Dv.Body(
            ("lastname", "Child"), ("parentcustomerid@odata.bind", $"/accounts(accountnumber='L-001',_msdyn_company_value={fixture.Usmf})")));
        Assert.Equal(HttpStatusCode.NoContent, child.StatusCode);
        Assert.Equal(byId, (await Dv.ReadAsync(client, $"contacts({Dv.IdOf(child)})")).GetProperty("_parentcustomerid_value").GetGuid());
    }

    [Fact]
    public async Task Binding_to_a_row_that_does_not_exist_is_an_error_that_names_the_field()
    {
        using var client = await Env.ClientAsync();
        var missing = Guid.NewGuid();
        using var byId = await client.PostAsync("accounts", Dv.Body(("name", "Orphan"), ("accountnumber", "L-010"), ("msdyn_company@odata.bind", $"/cdm_companies({missing})")));
        Assert.False(byId.IsSuccessStatusCode);
        var message = await Dv.ErrorAsync(byId);
        Assert.Contains("msdyn_company", message, StringComparison.Ordinal);
        Assert.Contains(missing.ToString(), message, StringComparison.OrdinalIgnoreCase);

        using var byKey = await client.PostAsync("accounts", Dv.Body(("name", "Orphan"), ("accountnumber", "L-010"), ("msdyn_customergroupid@odata.bind", $"/msdyn_customergroups(msdyn_groupid='90',_msdyn_company_value={fixture.Usmf})")));
        Assert.False(byKey.IsSuccessStatusCode);
        var keyMessage = await Dv.ErrorAsync(byKey);
        Assert.Contains("msdyn_customergroupid", keyMessage, StringComparison.Ordinal);
        Assert.Contains("90", keyMessage, StringComparison.Ordinal);

        using var wrongSet = await client.PostAsync("accounts", Dv.Body(("name", "Orphan"), ("accountnumber", "L-010"), ("msdyn_company@odata.bind", $"/accounts({missing})")));
        Assert.Equal(HttpStatusCode.BadRequest, wrongSet.StatusCode);
        Assert.Contains("cdm_companies", await Dv.ErrorAsync(wrongSet), StringComparison.Ordinal);

        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'L-010'"));
    }

    [Fact]
    public async Task A_lookup_cannot_be_set_through_its_value_property_or_by_a_bare_id()
    {
        using var client = await Env.ClientAsync();
        using var byValue = await client.PostAsync("accounts", Dv.Body(("name", "Direct"), ("accountnumber", "L-020"), ("_msdyn_company_value", fixture.Usmf)));
        Assert.Equal(HttpStatusCode.BadRequest, byValue.StatusCode);
        Assert.Contains("msdyn_company@odata.bind", await Dv.ErrorAsync(byValue), StringComparison.Ordinal);

        using var bare = await client.PostAsync("accounts", Dv.Body(("name", "Direct"), ("accountnumber", "L-020"), ("msdyn_company", fixture.Usmf)));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);

        var id = await Dv.CreateAccountAsync(client, "L-021", fixture.Usmf);
        using var patch = await Dv.PatchAsync(client, $"accounts({id})", Dv.Body(("_msdyn_company_value", fixture.Gbsi)));
        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        Assert.Equal(fixture.Usmf, (await Dv.ReadAsync(client, $"accounts({id})")).GetProperty("_msdyn_company_value").GetGuid());
    }

    [Fact]
    public async Task The_company_is_read_only_once_set_but_can_be_set_when_it_was_empty()
    {
        using var client = await Env.ClientAsync();
        var id = await Dv.CreateAccountAsync(client, "L-030", fixture.Usmf);
        using var move = await Dv.PatchAsync(client, $"accounts({id})", Dv.Body(("msdyn_company@odata.bind", $"/cdm_companies({fixture.Gbsi})")));
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        Assert.Contains("msdyn_company", await Dv.ErrorAsync(move), StringComparison.Ordinal);
        using var clear = await Dv.PatchAsync(client, $"accounts({id})", Dv.Body(("msdyn_company@odata.bind", null)));
        Assert.Equal(HttpStatusCode.BadRequest, clear.StatusCode);
        Assert.Equal(fixture.Usmf, (await Dv.ReadAsync(client, $"accounts({id})")).GetProperty("_msdyn_company_value").GetGuid());

        using var same = await Dv.PatchAsync(client, $"accounts({id})", Dv.Body(("msdyn_company@odata.bind", "/cdm_companies(cdm_companycode='USMF')"), ("name", "Same company")));
        Assert.Equal(HttpStatusCode.NoContent, same.StatusCode);

        var global = await Dv.CreateAccountAsync(client, "L-031", null);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await Dv.ReadAsync(client, $"accounts({global})")).GetProperty("_msdyn_company_value").ValueKind);
        using var set = await Dv.PatchAsync(client, $"accounts({global})", Dv.Body(("msdyn_company@odata.bind", $"/cdm_companies({fixture.Gbsi})")));
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(global, (await Dv.ReadAsync(client, Dv.AccountKey("L-031", fixture.Gbsi))).GetProperty("accountid").GetGuid());
    }

    [Fact]
    public async Task The_same_account_number_in_two_companies_is_two_rows_and_a_duplicate_key_is_refused()
    {
        using var client = await Env.ClientAsync();
        var usmf = await Dv.CreateAccountAsync(client, "L-040", fixture.Usmf, "In usmf");
        var gbsi = await Dv.CreateAccountAsync(client, "L-040", fixture.Gbsi, "In gbsi");
        Assert.NotEqual(usmf, gbsi);
        Assert.Equal("In usmf", (await Dv.ReadAsync(client, Dv.AccountKey("L-040", fixture.Usmf))).GetProperty("name").GetString());
        Assert.Equal("In gbsi", (await Dv.ReadAsync(client, Dv.AccountKey("L-040", fixture.Gbsi))).GetProperty("name").GetString());

        using var duplicate = await client.PostAsync("accounts", Dv.Body(("name", "Again"), ("accountnumber", "L-040"), ("msdyn_company@odata.bind", $"/cdm_companies({fixture.Usmf})")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, duplicate.StatusCode);
        Assert.Contains("msdyn_accountnumber_company", await Dv.ErrorAsync(duplicate), StringComparison.Ordinal);

        var third = await Dv.CreateAccountAsync(client, "L-041", fixture.Usmf);
        using var collide = await Dv.PatchAsync(client, $"accounts({third})", Dv.Body(("accountnumber", "L-040")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, collide.StatusCode);
        Assert.Equal(2, (await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'L-040'")).Count);
    }
}
