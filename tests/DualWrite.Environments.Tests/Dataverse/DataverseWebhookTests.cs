using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DualWrite.Environments.Hosting;
using DualWrite.Protocols.Batch;
using DualWrite.Environments.Tests.Support;
using DualWrite.Testing;

namespace DualWrite.Environments.Tests.Dataverse;

/// <summary>Each test registers its steps in an environment of its own, as the dual-write application does.</summary>
public sealed class DataverseWebhookTests : IAsyncLifetime
{
    private const string Key = "k3y-for-webhook-tests";

    private TestEnvironment env = null!;
    private HookReceiver receiver = null!;
    private Guid usmf;

    public async Task InitializeAsync()
    {
        env = await TestEnvironment.StartAsync(EnvironmentKind.Dataverse, o => o with { HookTimeout = TimeSpan.FromSeconds(1) });
        (usmf, _) = await DataverseFixture.AddCompaniesAsync(env);
        receiver = await HookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await env.DisposeAsync();
    }

    [Fact]
    public async Task A_write_by_another_principal_posts_a_remote_execution_context_with_the_key_header()
    {
        using var app = await env.ClientAsync("app");
        var id = await Dv.CreateAccountAsync(app, "W-001", usmf, "Before", ("telephone1", "555-0001"));
        var endpoint = await RegisterEndpointAsync();
        var step = await RegisterStepAsync("Update", endpoint);

        using var patch = await Dv.PatchAsync(app, $"accounts({id})", Dv.Body(("name", "After")));
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);

        var call = Assert.Single(receiver.Calls);
        Assert.Equal(Key, call.Headers["x-dw-key"]);
        var context = call.Body;
        var appUser = env.Running.Credentials.Get("app").UserId;
        Assert.Equal("Update", context.GetProperty("MessageName").GetString());
        Assert.Equal("account", context.GetProperty("PrimaryEntityName").GetString());
        Assert.Equal(id, context.GetProperty("PrimaryEntityId").GetGuid());
        Assert.Equal(1, context.GetProperty("Depth").GetInt32());
        Assert.Equal(40, context.GetProperty("Stage").GetInt32());
        Assert.Equal(0, context.GetProperty("Mode").GetInt32());
        Assert.Equal(appUser, context.GetProperty("InitiatingUserId").GetGuid());
        Assert.Equal(appUser, context.GetProperty("UserId").GetGuid());
        Assert.NotEqual(Guid.Empty, context.GetProperty("CorrelationId").GetGuid());
        Assert.Equal(step, context.GetProperty("OwningExtension").GetProperty("Id").GetGuid());

        var target = Parameter(context.GetProperty("InputParameters"), "Target");
        Assert.Equal("account", target.GetProperty("LogicalName").GetString());
        Assert.Equal(id, target.GetProperty("Id").GetGuid());
        var targetAttributes = Attributes(target);
        Assert.Equal("After", targetAttributes["name"].GetString());
        Assert.False(targetAttributes.ContainsKey("telephone1"));

        var image = Attributes(Parameter(context.GetProperty("PostEntityImages"), "PostImage"));
        Assert.Equal("After", image["name"].GetString());
        Assert.Equal("555-0001", image["telephone1"].GetString());
        Assert.Equal(usmf, image["msdyn_company"].GetProperty("Id").GetGuid());
        Assert.Equal("cdm_company", image["msdyn_company"].GetProperty("LogicalName").GetString());
        var preImage = Attributes(Parameter(context.GetProperty("PreEntityImages"), "PreImage"));
        Assert.Equal("Before", preImage["name"].GetString());
    }

    [Fact]
    public async Task Create_and_delete_steps_fire_with_their_messages()
    {
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Create", endpoint);
        await RegisterStepAsync("Delete", endpoint);
        using var app = await env.ClientAsync("app");

        var id = await Dv.CreateAccountAsync(app, "W-002", usmf, "Created", ("customertypecode", 3));
        var created = Assert.Single(receiver.Calls).Body;
        Assert.Equal("Create", created.GetProperty("MessageName").GetString());
        Assert.Equal(id, created.GetProperty("PrimaryEntityId").GetGuid());
        Assert.Equal(id, Parameter(created.GetProperty("OutputParameters"), "id").GetGuid());
        var attributes = Attributes(Parameter(created.GetProperty("InputParameters"), "Target"));
        Assert.Equal("W-002", attributes["accountnumber"].GetString());
        Assert.Equal(3, attributes["customertypecode"].GetProperty("Value").GetInt32());
        Assert.Equal(id, attributes["accountid"].GetGuid());

        using var contact = await app.PostAsync("contacts", Dv.Body(("lastname", "Not an account")));
        Assert.Equal(HttpStatusCode.NoContent, contact.StatusCode);
        Assert.Single(receiver.Calls);

        Assert.Equal(HttpStatusCode.NoContent, (await app.DeleteAsync($"accounts({id})")).StatusCode);
        var deleted = receiver.Calls.Last().Body;
        Assert.Equal("Delete", deleted.GetProperty("MessageName").GetString());
        Assert.Equal(id, deleted.GetProperty("PrimaryEntityId").GetGuid());
        Assert.Equal(id, Parameter(deleted.GetProperty("InputParameters"), "Target").GetProperty("Id").GetGuid());
    }

    [Fact]
    public async Task An_upsert_fires_create_when_the_row_is_missing_and_update_when_present_and_the_target_carries_composed_columns()
    {
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Create", endpoint, table: "contact");
        await RegisterStepAsync("Update", endpoint, table: "contact");
        using var app = await env.ClientAsync("app");
        var url = $"contacts(msdyn_contactpersonid='W-100',_msdyn_company_value={usmf})";

        Assert.Equal(HttpStatusCode.NoContent, (await Dv.PatchAsync(app, url, Dv.Body(("firstname", "Grace"), ("lastname", "Hopper")))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Dv.PatchAsync(app, url, Dv.Body(("lastname", "Murray")))).StatusCode);

        var calls = receiver.Calls.Select(c => c.Body).ToList();
        Assert.Equal(["Create", "Update"], calls.Select(c => c.GetProperty("MessageName").GetString()));
        var created = Attributes(Parameter(calls[0].GetProperty("InputParameters"), "Target"));
        Assert.Equal("Grace Hopper", created["fullname"].GetString());
        Assert.Equal("W-100", created["msdyn_contactpersonid"].GetString());
        Assert.Equal(usmf, created["msdyn_company"].GetProperty("Id").GetGuid());
        Assert.Equal("Grace Murray", Attributes(Parameter(calls[1].GetProperty("InputParameters"), "Target"))["fullname"].GetString());
        Assert.Equal("Grace Murray", Attributes(Parameter(calls[1].GetProperty("PostEntityImages"), "PostImage"))["fullname"].GetString());
    }

    [Fact]
    public async Task An_asynchronous_step_of_a_change_set_that_rolls_back_is_never_called()
    {
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Create", endpoint, mode: 1);
        using var app = await env.ClientAsync("app");

        var (_, items) = await BatchBuilder.SendAsync(app,
        [
            new BatchChangeSet(
            [
                BatchBuilder.Post("accounts", new Dictionary<string, object?> { ["name"] = "Rolled back", ["accountnumber"] = "W-101" }, "1"),
                BatchBuilder.Post("accounts", new Dictionary<string, object?> { ["accountnumber"] = "W-102" }, "2"),
            ]),
        ]);
        Assert.Equal(400, Assert.IsType<BatchSingleResponse>(Assert.Single(items)).Response.StatusCode);

        await Dv.CreateAccountAsync(app, "W-103", usmf, "Committed");
        var watch = Stopwatch.StartNew();
        while (receiver.Calls.IsEmpty && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        await Task.Delay(200);
        var call = Assert.Single(receiver.Calls);
        Assert.Equal("W-103", Attributes(Parameter(call.Body.GetProperty("InputParameters"), "Target"))["accountnumber"].GetString());
    }

    [Fact]
    public async Task A_receiver_answering_500_fails_the_write_with_its_message_and_leaves_the_row_unchanged()
    {
        using var app = await env.ClientAsync("app");
        var id = await Dv.CreateAccountAsync(app, "W-003", usmf, "Kept");
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Update", endpoint);
        await RegisterStepAsync("Create", endpoint);
        receiver.Status = 500;
        receiver.ErrorBody = """{"error":{"code":"DW","message":"CustomersV3 (usmf, W-003): customer group '90' does not exist"}}""";

        using var patch = await Dv.PatchAsync(app, $"accounts({id})", Dv.Body(("name", "Lost")));
        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        Assert.Equal("CustomersV3 (usmf, W-003): customer group '90' does not exist", await Dv.ErrorAsync(patch));
        Assert.Equal("Kept", (await Dv.ReadAsync(app, $"accounts({id})")).GetProperty("name").GetString());

        using var create = await app.PostAsync("accounts", Dv.Body(("name", "Never"), ("accountnumber", "W-004")));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Empty(await Dv.ValuesAsync(app, "accounts?$filter=accountnumber eq 'W-004'"));

        receiver.ErrorBody = "plain words of refusal";
        using var plain = await Dv.PatchAsync(app, $"accounts({id})", Dv.Body(("name", "Lost again")));
        Assert.Equal("plain words of refusal", await Dv.ErrorAsync(plain));
    }

    [Fact]
    public async Task A_refusal_inside_a_change_set_rolls_the_whole_change_set_back()
    {
        using var app = await env.ClientAsync("app");
        var id = await Dv.CreateAccountAsync(app, "W-005", usmf, "Kept");
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Update", endpoint);
        receiver.Status = 500;
        receiver.ErrorBody = """{"error":{"message":"refused in the change set"}}""";

        var (_, items) = await BatchBuilder.SendAsync(app,
        [
            new BatchChangeSet(
            [
                BatchBuilder.Post("accounts", new Dictionary<string, object?> { ["name"] = "In the change set", ["accountnumber"] = "W-006" }, "1"),
                BatchBuilder.Patch($"accounts({id})", new { name = "Lost" }, "2"),
            ]),
        ]);

        var failure = Assert.IsType<BatchSingleResponse>(Assert.Single(items)).Response;
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("refused in the change set", BatchBuilder.Text(failure), StringComparison.Ordinal);
        Assert.Single(receiver.Calls);
        Assert.Empty(await Dv.ValuesAsync(app, "accounts?$filter=accountnumber eq 'W-006'"));
        Assert.Equal("Kept", (await Dv.ReadAsync(app, $"accounts({id})")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_fails_the_write()
    {
        using var app = await env.ClientAsync("app");
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Create", endpoint);
        receiver.Delay = TimeSpan.FromSeconds(3);

        using var create = await app.PostAsync("accounts", Dv.Body(("name", "Slow"), ("accountnumber", "W-007")));

        Assert.Equal(HttpStatusCode.GatewayTimeout, create.StatusCode);
        Assert.Contains("did not answer within 1 seconds", await Dv.ErrorAsync(create), StringComparison.Ordinal);
        Assert.Empty(await Dv.ValuesAsync(app, "accounts?$filter=accountnumber eq 'W-007'"));
    }

    [Fact]
    public async Task A_write_by_the_steps_owner_does_not_fire_it_and_any_other_principal_does()
    {
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Create", endpoint);

        using var owner = await env.ClientAsync("dualwrite");
        await Dv.CreateAccountAsync(owner, "W-008", usmf);
        Assert.Empty(receiver.Calls);

        using var admin = await env.ClientAsync("admin");
        await Dv.CreateAccountAsync(admin, "W-009", usmf);
        Assert.Equal(env.Running.Credentials.Get("admin").UserId, Assert.Single(receiver.Calls).Body.GetProperty("InitiatingUserId").GetGuid());
    }

    [Fact]
    public async Task Filtering_attributes_limit_an_update_step_to_changes_of_those_columns()
    {
        using var app = await env.ClientAsync("app");
        var id = await Dv.CreateAccountAsync(app, "W-010", usmf);
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Update", endpoint, filteringAttributes: "telephone1,msdyn_paymentterm");

        Assert.Equal(HttpStatusCode.NoContent, (await Dv.PatchAsync(app, $"accounts({id})", Dv.Body(("name", "Not watched")))).StatusCode);
        Assert.Empty(receiver.Calls);

        Assert.Equal(HttpStatusCode.NoContent, (await Dv.PatchAsync(app, $"accounts({id})", Dv.Body(("telephone1", "555-0199")))).StatusCode);
        var call = Assert.Single(receiver.Calls);
        Assert.Equal("555-0199", Attributes(Parameter(call.Body.GetProperty("InputParameters"), "Target"))["telephone1"].GetString());
    }

    [Fact]
    public async Task An_asynchronous_step_is_called_after_the_commit_and_its_failure_does_not_fail_the_write()
    {
        using var app = await env.ClientAsync("app");
        var id = await Dv.CreateAccountAsync(app, "W-011", usmf, "Before");
        var endpoint = await RegisterEndpointAsync();
        await RegisterStepAsync("Update", endpoint, mode: 1);
        receiver.Status = 500;
        receiver.ErrorBody = "asynchronous refusal";
        receiver.Delay = TimeSpan.FromSeconds(2);

        using var patch = await Dv.PatchAsync(app, $"accounts({id})", Dv.Body(("name", "Committed")));

        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.Equal("Committed", (await Dv.ReadAsync(app, $"accounts({id})")).GetProperty("name").GetString());
        var watch = Stopwatch.StartNew();
        while (receiver.Calls.IsEmpty && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        var context = Assert.Single(receiver.Calls).Body;
        Assert.Equal(1, context.GetProperty("Mode").GetInt32());
        Assert.False(context.GetProperty("IsInTransaction").GetBoolean());
        Assert.Equal("Committed", Attributes(Parameter(context.GetProperty("PostEntityImages"), "PostImage"))["name"].GetString());
    }

    [Fact]
    public async Task The_authvalue_is_written_but_never_read_back_nor_shown_in_an_error()
    {
        var endpoint = await RegisterEndpointAsync();
        using var admin = await env.ClientAsync("admin");
        foreach (var url in (string[])[$"serviceendpoints({endpoint})", "serviceendpoints", $"serviceendpoints?$filter=serviceendpointid eq {endpoint}"])
        {
            using var response = await admin.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("authvalue", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        }

        var row = await Dv.ReadAsync(admin, $"serviceendpoints({endpoint})");
        Assert.Equal(8, row.GetProperty("contract").GetInt32());
        Assert.Equal(4, row.GetProperty("authtype").GetInt32());

        using var byValue = await admin.GetAsync($"serviceendpoints?$filter=authvalue eq '{Key}'");
        Assert.Equal(HttpStatusCode.BadRequest, byValue.StatusCode);
        Assert.DoesNotContain(Key, await byValue.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var bad in (object[])[new string('Z', 3990) + Key, new { value = Key }])
        {
            using var refused = await admin.PostAsync("serviceendpoints", Dv.Body(("name", "Bad key"), ("contract", 8), ("authtype", 5), ("authvalue", bad), ("url", receiver.Url)));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var message = await Dv.ErrorAsync(refused);
            Assert.Contains("authvalue", message, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, message, StringComparison.Ordinal);
            Assert.DoesNotContain("ZZZZ", message, StringComparison.Ordinal);
        }

        await RegisterStepAsync("Create", endpoint);
        await receiver.DisposeAsync();
        receiver = await HookReceiver.StartAsync();
        using var app = await env.ClientAsync("app");
        using var unreachable = await app.PostAsync("accounts", Dv.Body(("name", "Unreachable"), ("accountnumber", "W-012")));
        Assert.Equal(HttpStatusCode.BadGateway, unreachable.StatusCode);
        Assert.DoesNotContain(Key, await unreachable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonElement Parameter(JsonElement collection, string key) =>
        collection.EnumerateArray().Single(p => p.GetProperty("key").GetString() == key).GetProperty("value");

    private static Dictionary<string, JsonElement> Attributes(JsonElement entity) =>
        entity.GetProperty("Attributes").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("value"));

    private async Task<Guid> RegisterEndpointAsync(Uri? url = null)
    {
        using var client = await env.ClientAsync("dualwrite");
        using var response = await client.PostAsync("serviceendpoints", Dv.Body(
            ("name", "Dual-write webhook"),
            ("contract", 8),
            ("authtype", 4),
            ("authvalue", $"<settings><setting name=\"x-dw-key\" value=\"{Key}\"/></settings>"),
            ("url", url ?? receiver.Url)));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return Dv.IdOf(response);
    }

    /// <summary>Looks the message and its filter for the table up, then registers a step that calls the endpoint.</summary>
    private async Task<Guid> RegisterStepAsync(string message, Guid endpoint, int mode = 0, string? filteringAttributes = null, string table = "account")
    {
        using var client = await env.ClientAsync("dualwrite");
        var messageId = Assert.Single(await Dv.ValuesAsync(client, $"sdkmessages?$filter=name eq '{message}'")).GetProperty("sdkmessageid").GetGuid();
        var filterId = Assert.Single(await Dv.ValuesAsync(client, $"sdkmessagefilters?$filter=primaryobjecttypecode eq '{table}' and _sdkmessageid_value eq {messageId}"))
            .GetProperty("sdkmessagefilterid").GetGuid();
        using var response = await client.PostAsync("sdkmessageprocessingsteps", Dv.Body(
            ("name", $"Dual-write: {message} of {table}"),
            ("sdkmessageid@odata.bind", $"/sdkmessages({messageId})"),
            ("sdkmessagefilterid@odata.bind", $"/sdkmessagefilters({filterId})"),
            ("eventhandler_serviceendpoint@odata.bind", $"/serviceendpoints({endpoint})"),
            ("stage", 40),
            ("mode", mode),
            ("rank", 1),
            ("filteringattributes", filteringAttributes)));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return Dv.IdOf(response);
    }
}
