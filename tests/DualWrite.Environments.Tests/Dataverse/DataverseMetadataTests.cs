using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

public sealed class DataverseMetadataTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private TestEnvironment Env => fixture.Environment;

    [Fact]
    public async Task Entity_definitions_describe_attributes_requirement_lookups_option_sets_and_keys()
    {
        using var client = await Env.ClientAsync("reader");
        var account = await Dv.ReadAsync(client, "EntityDefinitions(LogicalName='account')?$expand=Attributes,Keys");
        Assert.Equal("account", account.GetProperty("LogicalName").GetString());
        Assert.Equal("accounts", account.GetProperty("EntitySetName").GetString());
        Assert.Equal("accountid", account.GetProperty("PrimaryIdAttribute").GetString());
        Assert.Equal("name", account.GetProperty("PrimaryNameAttribute").GetString());

        var attributes = account.GetProperty("Attributes").EnumerateArray().ToDictionary(a => a.GetProperty("LogicalName").GetString()!);
        Assert.Equal("String", attributes["name"].GetProperty("AttributeType").GetString());
        Assert.Equal("ApplicationRequired", attributes["name"].GetProperty("RequiredLevel").GetProperty("Value").GetString());
        Assert.Equal(160, attributes["name"].GetProperty("MaxLength").GetInt32());
        Assert.Equal("None", attributes["description"].GetProperty("RequiredLevel").GetProperty("Value").GetString());
        Assert.Equal("Money", attributes["creditlimit"].GetProperty("AttributeType").GetString());
        Assert.Equal("Integer", attributes["numberofemployees"].GetProperty("AttributeType").GetString());
        Assert.Equal("Uniqueidentifier", attributes["accountid"].GetProperty("AttributeType").GetString());
        Assert.True(attributes["accountid"].GetProperty("IsPrimaryId").GetBoolean());

        var company = attributes["msdyn_company"];
        Assert.Equal("Lookup", company.GetProperty("AttributeType").GetString());
        Assert.Equal(["cdm_company"], company.GetProperty("Targets").EnumerateArray().Select(t => t.GetString()));
        Assert.True(company.GetProperty("IsValidForCreate").GetBoolean());
        Assert.False(company.GetProperty("IsValidForUpdate").GetBoolean());
        Assert.True(attributes["name"].GetProperty("IsValidForUpdate").GetBoolean());

        var type = attributes["customertypecode"];
        Assert.Equal("Picklist", type.GetProperty("AttributeType").GetString());
        var options = type.GetProperty("OptionSet").GetProperty("Options").EnumerateArray()
            .ToDictionary(o => o.GetProperty("Value").GetInt32(), o => o.GetProperty("Label").GetProperty("UserLocalizedLabel").GetProperty("Label").GetString());
        Assert.Equal("Customer", options[3]);
        Assert.Equal(12, options.Count);

        var key = Assert.Single(account.GetProperty("Keys").EnumerateArray());
        Assert.Equal("msdyn_accountnumber_company", key.GetProperty("LogicalName").GetString());
        Assert.Equal(["accountnumber", "msdyn_company"], key.GetProperty("KeyAttributes").EnumerateArray().Select(a => a.GetString()));

        var contact = await Dv.ReadAsync(client, "EntityDefinitions(LogicalName='contact')?$expand=Attributes");
        var fullname = contact.GetProperty("Attributes").EnumerateArray().Single(a => a.GetProperty("LogicalName").GetString() == "fullname");
        Assert.False(fullname.GetProperty("IsValidForCreate").GetBoolean());
        Assert.False(fullname.GetProperty("IsValidForUpdate").GetBoolean());

        var plain = await Dv.ReadAsync(client, "EntityDefinitions(LogicalName='account')");
        Assert.False(plain.TryGetProperty("Attributes", out _));
    }

    [Fact]
    public async Task Attributes_and_keys_read_on_their_own_and_an_unknown_table_is_404()
    {
        using var client = await Env.ClientAsync();
        var attributes = await Dv.ValuesAsync(client, "EntityDefinitions(LogicalName='msdyn_paymentterm')/Attributes");
        Assert.Contains(attributes, a => a.GetProperty("LogicalName").GetString() == "msdyn_paymentmethodtype" && a.GetProperty("AttributeType").GetString() == "Picklist");
        Assert.DoesNotContain(attributes, a => a.GetProperty("LogicalName").GetString() == "_msdyn_company_value");

        var keys = await Dv.ValuesAsync(client, "EntityDefinitions(LogicalName='cdm_company')/Keys");
        Assert.Equal(["cdm_companycode"], Assert.Single(keys).GetProperty("KeyAttributes").EnumerateArray().Select(a => a.GetString()));

        var endpoint = await Dv.ValuesAsync(client, "EntityDefinitions(LogicalName='serviceendpoint')/Attributes");
        Assert.False(endpoint.Single(a => a.GetProperty("LogicalName").GetString() == "authvalue").GetProperty("IsValidForRead").GetBoolean());

        var all = await Dv.ValuesAsync(client, "EntityDefinitions");
        Assert.Contains(all, t => t.GetProperty("LogicalName").GetString() == "contact");

        var picklists = await Dv.ValuesAsync(client, "EntityDefinitions(LogicalName='account')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet");
        Assert.Equal(
            ["address1_addresstypecode", "customertypecode", "msdyn_onholdstatus"],
            picklists.Select(a => a.GetProperty("LogicalName").GetString()).Order(StringComparer.Ordinal));
        Assert.All(picklists, a => Assert.NotEmpty(a.GetProperty("OptionSet").GetProperty("Options").EnumerateArray()));

        var one = await Dv.ReadAsync(client, "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='parentaccountid')");
        Assert.Equal(["account"], one.GetProperty("Targets").EnumerateArray().Select(t => t.GetString()));

        var selected = await Dv.ReadAsync(client, "EntityDefinitions(LogicalName='account')?$select=LogicalName&$expand=Attributes($select=LogicalName,AttributeType),Keys");
        Assert.Contains(selected.GetProperty("Attributes").EnumerateArray(), a => a.GetProperty("LogicalName").GetString() == "accountnumber");
        Assert.Single(selected.GetProperty("Keys").EnumerateArray());

        using var unknown = await client.GetAsync("EntityDefinitions(LogicalName='nothing')");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nothing", await Dv.ErrorAsync(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_has_each_entity_type_with_its_key_lookup_values_and_navigation_properties()
    {
        using var client = await Env.ClientAsync();
        using var response = await client.GetAsync("$metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var csdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace edm = "http://docs.oasis-open.org/odata/ns/edm";
        var schema = csdl.Descendants(edm + "Schema").Single();
        Assert.Equal("Microsoft.Dynamics.CRM", schema.Attribute("Namespace")?.Value);
        var account = schema.Elements(edm + "EntityType").Single(e => e.Attribute("Name")?.Value == "account");
        Assert.Equal(["accountid"], account.Element(edm + "Key")!.Elements(edm + "PropertyRef").Select(p => p.Attribute("Name")?.Value));
        var properties = account.Elements(edm + "Property").ToDictionary(p => p.Attribute("Name")!.Value, p => p.Attribute("Type")!.Value);
        Assert.Equal("Edm.Guid", properties["_msdyn_company_value"]);
        Assert.Equal("Edm.String", properties["name"]);
        Assert.Equal("Edm.Decimal", properties["creditlimit"]);
        Assert.Equal("Edm.Int64", properties["versionnumber"]);
        Assert.False(properties.ContainsKey("msdyn_company"));
        var navigation = account.Elements(edm + "NavigationProperty").ToDictionary(p => p.Attribute("Name")!.Value, p => p.Attribute("Type")!.Value);
        Assert.Equal("Microsoft.Dynamics.CRM.cdm_company", navigation["msdyn_company"]);
        Assert.Equal("Microsoft.Dynamics.CRM.account", navigation["parentaccountid"]);
        Assert.Contains(schema.Descendants(edm + "EntitySet"), s => s.Attribute("Name")?.Value == "accounts" && s.Attribute("EntityType")?.Value == "Microsoft.Dynamics.CRM.account");

        var endpoint = schema.Elements(edm + "EntityType").Single(e => e.Attribute("Name")?.Value == "serviceendpoint");
        Assert.DoesNotContain(endpoint.Elements(edm + "Property"), p => p.Attribute("Name")?.Value == "authvalue");
    }

    [Fact]
    public async Task WhoAmI_names_the_calling_principals_user()
    {
        foreach (var principal in (string[])["app", "dualwrite", "reader"])
        {
            using var client = await Env.ClientAsync(principal);
            var me = await Dv.ReadAsync(client, "WhoAmI");
            Assert.Equal(Env.Running.Credentials.Get(principal).UserId, me.GetProperty("UserId").GetGuid());
            Assert.NotEqual(Guid.Empty, me.GetProperty("OrganizationId").GetGuid());
            Assert.NotEqual(Guid.Empty, me.GetProperty("BusinessUnitId").GetGuid());
        }
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_a_reader_reads_but_cannot_write()
    {
        using var anonymous = Env.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("accounts", Dv.Body(("name", "Anonymous")))).StatusCode);
        using var forged = Env.AnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not.a.token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("WhoAmI")).StatusCode);

        using var app = await Env.ClientAsync("app");
        var id = await Dv.CreateAccountAsync(app, "M-001", fixture.Usmf, "Readable");

        using var reader = await Env.ClientAsync("reader");
        Assert.Equal("Readable", (await Dv.ReadAsync(reader, $"accounts({id})")).GetProperty("name").GetString());

        using var create = await reader.PostAsync("accounts", Dv.Body(("name", "Reader")));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("reader", await Dv.ErrorAsync(create), StringComparison.Ordinal);
        using var update = await Dv.PatchAsync(reader, $"accounts({id})", Dv.Body(("name", "Changed by reader")));
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        using var delete = await reader.DeleteAsync($"accounts({id})");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("Readable", (await Dv.ReadAsync(app, $"accounts({id})")).GetProperty("name").GetString());
        Assert.Empty(await Dv.ValuesAsync(app, "accounts?$filter=name eq 'Reader'"));
    }

    [Fact]
    public async Task Registering_a_webhook_needs_the_administrator_role()
    {
        using var app = await Env.ClientAsync("app");
        using var endpoint = await app.PostAsync("serviceendpoints", Dv.Body(("name", "Sneaky"), ("contract", 8), ("authtype", 4), ("url", "http://127.0.0.1:1/hook")));
        Assert.Equal(HttpStatusCode.Forbidden, endpoint.StatusCode);
        using var step = await app.PostAsync("sdkmessageprocessingsteps", Dv.Body(("name", "Sneaky"), ("stage", 40), ("mode", 0)));
        Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);

        using var admin = await Env.ClientAsync("admin");
        using var allowed = await admin.PostAsync("serviceendpoints", Dv.Body(("name", "Allowed"), ("contract", 8), ("authtype", 4), ("url", "http://127.0.0.1:1/hook")));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await Dv.ReadAsync(app, "serviceendpoints")).GetProperty("value").ValueKind);
    }
}
