using System.Net;
using System.Text.Json;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.FinOps;

public sealed class FinOpsEntityTests(FinOpsFixture fixture) : IClassFixture<FinOpsFixture>
{
    private TestEnvironment Env => fixture.Environment;

    [Fact]
    public async Task Create_then_read_by_full_key_returns_the_row_with_enums_by_name()
    {
        using var client = await Env.ClientAsync();
        using var created = await client.PostAsync("CustomersV3", TestEnvironment.Json(new
        {
            dataAreaId = "usmf",
            CustomerAccount = "E-001",
            CustomerGroupId = "10",
            OrganizationName = "Contoso Retail",
            PartyType = "Organization",
            IsOneTimeCustomer = "Yes",
            CreditLimit = 1500.25m,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(
            $"{Env.ServiceRoot}CustomersV3(dataAreaId='usmf',CustomerAccount='E-001')",
            created.Headers.GetValues("OData-EntityId").Single());

        using var read = await client.GetAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='E-001')");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        var row = json.RootElement;
        Assert.Equal("Contoso Retail", row.GetProperty("OrganizationName").GetString());
        Assert.Equal("Organization", row.GetProperty("PartyType").GetString());
        Assert.Equal("Yes", row.GetProperty("IsOneTimeCustomer").GetString());
        Assert.Equal(1500.25m, row.GetProperty("CreditLimit").GetDecimal());
        Assert.StartsWith("W/\"", row.GetProperty("@odata.etag").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_without_dataAreaId_uses_the_callers_default_company_and_lists_only_it()
    {
        using var client = await Env.ClientAsync();
        using var created = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { CustomerAccount = "E-DAT-1", CustomerGroupId = "10" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var other = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "USMF", CustomerAccount = "E-DAT-1", CustomerGroupId = "10" }));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        var defaultOnly = await ValuesAsync(client, "CustomersV3?$filter=CustomerAccount eq 'E-DAT-1'");
        Assert.Equal(["dat"], defaultOnly.Select(r => r.GetProperty("dataAreaId").GetString()));
        var crossCompany = await ValuesAsync(client, "CustomersV3?$filter=CustomerAccount eq 'E-DAT-1'&cross-company=true");
        Assert.Equal(["dat", "usmf"], crossCompany.Select(r => r.GetProperty("dataAreaId").GetString()).Order());
    }

    [Fact]
    public async Task Create_in_an_unknown_company_is_refused_by_name()
    {
        using var client = await Env.ClientAsync();
        using var response = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "zzzz", CustomerAccount = "E-1", CustomerGroupId = "10" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'zzzz' does not exist", await ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_key_wrong_type_unknown_field_and_missing_required_field_each_say_what()
    {
        using var client = await Env.ClientAsync();
        (await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "E-DUP", CustomerGroupId = "10" }))).EnsureSuccessStatusCode();

        using var duplicate = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "e-dup", CustomerGroupId = "10" }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, duplicate.StatusCode);
        Assert.Contains("dataAreaId='usmf',CustomerAccount='e-dup'", await ErrorMessageAsync(duplicate), StringComparison.Ordinal);

        using var wrongType = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "E-T", CustomerGroupId = "10", CreditLimit = "lots" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("'CreditLimit'", await ErrorMessageAsync(wrongType), StringComparison.Ordinal);

        using var wrongEnum = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "E-T", CustomerGroupId = "10", PartyType = "Robot" }));
        var enumMessage = await ErrorMessageAsync(wrongEnum);
        Assert.Contains("\"Robot\"", enumMessage, StringComparison.Ordinal);
        Assert.Contains("Organization", enumMessage, StringComparison.Ordinal);

        using var unknown = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "E-T", CustomerGroupId = "10", Colour = "red" }));
        Assert.Contains("'Colour'", await ErrorMessageAsync(unknown), StringComparison.Ordinal);

        using var missing = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "E-T" }));
        Assert.Contains("'CustomerGroupId' is required", await ErrorMessageAsync(missing), StringComparison.Ordinal);

        using var tooLong = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = new string('x', 300), CustomerGroupId = "10" }));
        Assert.Contains("CustomerAccount", await ErrorMessageAsync(tooLong), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_updates_only_the_given_fields_and_moves_the_etag_and_delete_removes_the_row()
    {
        using var client = await Env.ClientAsync();
        (await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "E-UPD", CustomerGroupId = "10", OrganizationName = "Before" }))).EnsureSuccessStatusCode();
        const string url = "CustomersV3(dataAreaId='usmf',CustomerAccount='E-UPD')";
        var before = await RowAsync(client, url);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = TestEnvironment.Json(new { OrganizationName = "After" }) };
        using var patched = await client.SendAsync(patch);
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);

        var after = await RowAsync(client, url);
        Assert.Equal("After", after.GetProperty("OrganizationName").GetString());
        Assert.Equal("10", after.GetProperty("CustomerGroupId").GetString());
        Assert.NotEqual(before.GetProperty("@odata.etag").GetString(), after.GetProperty("@odata.etag").GetString());

        using var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = TestEnvironment.Json(new { OrganizationName = "Stale" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", before.GetProperty("@odata.etag").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);

        using var keyChange = new HttpRequestMessage(HttpMethod.Patch, url) { Content = TestEnvironment.Json(new { CustomerAccount = "E-OTHER" }) };
        using var keyChanged = await client.SendAsync(keyChange);
        Assert.Equal(HttpStatusCode.BadRequest, keyChanged.StatusCode);
        Assert.Contains("key field 'CustomerAccount' cannot be changed", await ErrorMessageAsync(keyChanged), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_key_that_does_not_name_every_key_field_is_refused()
    {
        using var client = await Env.ClientAsync();
        using var response = await client.GetAsync("CustomersV3(CustomerAccount='E-001')");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dataAreaId, CustomerAccount", await ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_entity_set_is_404_and_metadata_describes_entity_keys_and_enums()
    {
        using var client = await Env.ClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("NoSuchEntities")).StatusCode);

        using var metadata = await client.GetAsync("$metadata");
        var csdl = await metadata.Content.ReadAsStringAsync();
        Assert.Equal("application/xml", metadata.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<EntityType Name=\"CustomersV3\">", csdl, StringComparison.Ordinal);
        Assert.Matches("<Key>\\s*<PropertyRef Name=\"dataAreaId\" />\\s*<PropertyRef Name=\"CustomerAccount\" />\\s*</Key>", csdl);
        Assert.Contains("<EnumType Name=\"NoYes\">", csdl, StringComparison.Ordinal);
        Assert.Contains("<EntitySet Name=\"CustomersV3\" EntityType=\"Microsoft.Dynamics.DataEntities.CustomersV3\"", csdl, StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> RowAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    internal static async Task<List<JsonElement>> ValuesAsync(HttpClient client, string url)
    {
        var root = await RowAsync(client, url);
        return root.GetProperty("value").EnumerateArray().ToList();
    }

    internal static async Task<string> ErrorMessageAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
