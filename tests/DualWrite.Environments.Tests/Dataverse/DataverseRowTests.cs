using System.Net;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

public sealed class DataverseRowTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private TestEnvironment Env => fixture.Environment;

    [Fact]
    public async Task Post_answers_204_with_the_rows_address_and_the_row_reads_back_by_id_and_by_alternate_key()
    {
        using var client = await Env.ClientAsync();
        using var created = await client.PostAsync("accounts", Dv.Body(
            ("name", "Contoso"),
            ("accountnumber", "R-001"),
            ("msdyn_company@odata.bind", $"/cdm_companies({fixture.Usmf})"),
            ("customertypecode", 3),
            ("creditlimit", 1500.25m),
            ("numberofemployees", 42)));
        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Empty(await created.Content.ReadAsByteArrayAsync());
        var id = Dv.IdOf(created);
        Assert.Equal($"{Env.ServiceRoot}accounts({id})", created.Headers.GetValues("OData-EntityId").Single());

        var byId = await Dv.ReadAsync(client, $"accounts({id})");
        Assert.Equal(id, byId.GetProperty("accountid").GetGuid());
        Assert.Equal("Contoso", byId.GetProperty("name").GetString());
        Assert.Equal(3, byId.GetProperty("customertypecode").GetInt32());
        Assert.Equal(1500.25m, byId.GetProperty("creditlimit").GetDecimal());
        Assert.Equal(42, byId.GetProperty("numberofemployees").GetInt32());
        Assert.Equal(fixture.Usmf, byId.GetProperty("_msdyn_company_value").GetGuid());
        Assert.StartsWith("W/\"", byId.GetProperty("@odata.etag").GetString(), StringComparison.Ordinal);
        Assert.False(byId.TryGetProperty("msdyn_company", out _));

        var byKey = await Dv.ReadAsync(client, Dv.AccountKey("R-001", fixture.Usmf));
        Assert.Equal(id, byKey.GetProperty("accountid").GetGuid());
        using var otherCompany = await client.GetAsync(Dv.AccountKey("R-001", fixture.Gbsi));
        Assert.Equal(HttpStatusCode.NotFound, otherCompany.StatusCode);
        Assert.Contains("does not exist", await Dv.ErrorAsync(otherCompany), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_with_return_representation_answers_201_with_the_row()
    {
        using var client = await Env.ClientAsync();
        using var created = await Dv.SendAsync(client, HttpMethod.Post, "accounts?$select=name,accountnumber", Dv.Body(("name", "Fabrikam"), ("accountnumber", "R-002")), ("Prefer", "return=representation"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var row = await Dv.JsonAsync(created);
        Assert.Equal("Fabrikam", row.GetProperty("name").GetString());
        Assert.Equal("R-002", row.GetProperty("accountnumber").GetString());
        Assert.False(row.TryGetProperty("description", out _));
        Assert.Equal(Dv.IdOf(created), row.GetProperty("accountid").GetGuid());
        Assert.Equal(row.GetProperty("@odata.etag").GetString(), created.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Patch_updates_the_given_columns_and_delete_removes_the_row()
    {
        using var client = await Env.ClientAsync();
        var id = await Dv.CreateAccountAsync(client, "R-003", fixture.Usmf, "Before", ("description", "kept"));
        var before = await Dv.ReadAsync(client, $"accounts({id})");

        using var patched = await Dv.PatchAsync(client, $"accounts({id})", Dv.Body(("name", "After"), ("telephone1", "555-0100")));
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);

        var after = await Dv.ReadAsync(client, $"accounts({id})");
        Assert.Equal("After", after.GetProperty("name").GetString());
        Assert.Equal("555-0100", after.GetProperty("telephone1").GetString());
        Assert.Equal("kept", after.GetProperty("description").GetString());
        Assert.True(after.GetProperty("versionnumber").GetInt64() > before.GetProperty("versionnumber").GetInt64());

        using var stale = await Dv.PatchAsync(client, $"accounts({id})", Dv.Body(("name", "Stale")), ("If-Match", before.GetProperty("@odata.etag").GetString()!));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        using var staleDelete = await Dv.SendAsync(client, HttpMethod.Delete, $"accounts({id})", null, ("If-Match", before.GetProperty("@odata.etag").GetString()!));
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);

        using var deleted = await Dv.SendAsync(client, HttpMethod.Delete, $"accounts({id})", null, ("If-Match", after.GetProperty("@odata.etag").GetString()!));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"accounts({id})");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains(id.ToString(), await Dv.ErrorAsync(gone), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"accounts({id})")).StatusCode);
    }

    [Fact]
    public async Task Patch_by_alternate_key_creates_when_missing_and_updates_when_present()
    {
        using var client = await Env.ClientAsync();
        var url = Dv.AccountKey("R-004", fixture.Gbsi);

        using var create = await Dv.PatchAsync(client, url, Dv.Body(("name", "Upserted")));
        Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);
        var id = Dv.IdOf(create);
        var row = await Dv.ReadAsync(client, $"accounts({id})");
        Assert.Equal("R-004", row.GetProperty("accountnumber").GetString());
        Assert.Equal(fixture.Gbsi, row.GetProperty("_msdyn_company_value").GetGuid());

        using var update = await Dv.PatchAsync(client, url, Dv.Body(("name", "Upserted again")));
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        Assert.Equal(id, Dv.IdOf(update));
        var rows = await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'R-004'");
        Assert.Equal("Upserted again", Assert.Single(rows).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_by_id_creates_the_row_with_that_id_when_missing()
    {
        using var client = await Env.ClientAsync();
        var id = Guid.NewGuid();
        using var create = await Dv.PatchAsync(client, $"accounts({id})", Dv.Body(("name", "Chosen id"), ("accountnumber", "R-005")));
        Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);
        Assert.Equal("Chosen id", (await Dv.ReadAsync(client, $"accounts({id})")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task If_match_star_only_updates_and_if_none_match_star_only_creates()
    {
        using var client = await Env.ClientAsync();
        var url = Dv.AccountKey("R-006", fixture.Usmf);

        using var updateMissing = await Dv.PatchAsync(client, url, Dv.Body(("name", "Nope")), ("If-Match", "*"));
        Assert.Equal(HttpStatusCode.NotFound, updateMissing.StatusCode);
        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'R-006'"));

        using var createOnly = await Dv.PatchAsync(client, url, Dv.Body(("name", "Created")), ("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.NoContent, createOnly.StatusCode);

        using var createAgain = await Dv.PatchAsync(client, url, Dv.Body(("name", "Twice")), ("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, createAgain.StatusCode);
        await Dv.ErrorAsync(createAgain);

        using var updateOnly = await Dv.PatchAsync(client, url, Dv.Body(("name", "Updated")), ("If-Match", "*"));
        Assert.Equal(HttpStatusCode.NoContent, updateOnly.StatusCode);
        Assert.Equal("Updated", (await Dv.ReadAsync(client, url)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_with_return_representation_answers_200_with_the_updated_row()
    {
        using var client = await Env.ClientAsync();
        var id = await Dv.CreateAccountAsync(client, "R-007", fixture.Usmf);
        using var response = await Dv.PatchAsync(client, $"accounts({id})", Dv.Body(("name", "Shown")), ("Prefer", "return=representation"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Shown", (await Dv.JsonAsync(response)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Wrong_types_unknown_columns_missing_required_columns_and_bad_option_values_are_refused_by_name()
    {
        using var client = await Env.ClientAsync();

        using var wrongType = await client.PostAsync("accounts", Dv.Body(("name", "X"), ("numberofemployees", "many")));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("numberofemployees", await Dv.ErrorAsync(wrongType), StringComparison.Ordinal);

        using var unknown = await client.PostAsync("accounts", Dv.Body(("name", "X"), ("colour", "red")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'colour'", await Dv.ErrorAsync(unknown), StringComparison.Ordinal);

        using var missing = await client.PostAsync("accounts", Dv.Body(("accountnumber", "R-008")));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("'name' is required", await Dv.ErrorAsync(missing), StringComparison.Ordinal);

        using var badOption = await client.PostAsync("accounts", Dv.Body(("name", "X"), ("customertypecode", 99)));
        Assert.Equal(HttpStatusCode.BadRequest, badOption.StatusCode);
        Assert.Contains("customertypecode", await Dv.ErrorAsync(badOption), StringComparison.Ordinal);

        using var optionByName = await client.PostAsync("accounts", Dv.Body(("name", "X"), ("customertypecode", "Customer")));
        Assert.Equal(HttpStatusCode.BadRequest, optionByName.StatusCode);

        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=name eq 'X'"));
    }

    [Fact]
    public async Task Unknown_entity_set_and_malformed_keys_are_errors()
    {
        using var client = await Env.ClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("nothings")).StatusCode);
        using var badId = await client.GetAsync("accounts(not-a-guid)");
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        using var notAKey = await client.GetAsync("accounts(name='Contoso')");
        Assert.Equal(HttpStatusCode.BadRequest, notAKey.StatusCode);
        Assert.Contains("msdyn_accountnumber_company", await Dv.ErrorAsync(notAKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_fullname_is_composed_from_first_and_last_name_and_cannot_be_written()
    {
        using var client = await Env.ClientAsync();
        using var created = await client.PostAsync("contacts", Dv.Body(("firstname", "Ada"), ("lastname", "Lovelace")));
        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        var id = Dv.IdOf(created);
        Assert.Equal("Ada Lovelace", (await Dv.ReadAsync(client, $"contacts({id})")).GetProperty("fullname").GetString());

        using var renamed = await Dv.PatchAsync(client, $"contacts({id})", Dv.Body(("lastname", "King")));
        Assert.Equal(HttpStatusCode.NoContent, renamed.StatusCode);
        Assert.Equal("Ada King", (await Dv.ReadAsync(client, $"contacts({id})")).GetProperty("fullname").GetString());

        using var noFirst = await Dv.PatchAsync(client, $"contacts({id})", Dv.Body(("firstname", null)));
        Assert.Equal(HttpStatusCode.NoContent, noFirst.StatusCode);
        Assert.Equal("King", (await Dv.ReadAsync(client, $"contacts({id})")).GetProperty("fullname").GetString());

        using var direct = await Dv.PatchAsync(client, $"contacts({id})", Dv.Body(("fullname", "Someone Else")));
        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        Assert.Contains("fullname", await Dv.ErrorAsync(direct), StringComparison.Ordinal);

        using var directOnCreate = await client.PostAsync("contacts", Dv.Body(("lastname", "Babbage"), ("fullname", "Charles Babbage")));
        Assert.Equal(HttpStatusCode.BadRequest, directOnCreate.StatusCode);
        Assert.Contains("fullname", await Dv.ErrorAsync(directOnCreate), StringComparison.Ordinal);

        var found = await Dv.ValuesAsync(client, "contacts?$filter=fullname eq 'King'&$select=fullname");
        Assert.Equal(id, Assert.Single(found).GetProperty("contactid").GetGuid());
    }
}
