using System.Net;
using System.Net.Http.Json;
using DualWrite.Protocols.Batch;
using DualWrite.Environments.Tests.Support;
using DualWrite.Testing;

namespace DualWrite.Environments.Tests.FinOps;

public sealed class SyncHookTests : IAsyncLifetime
{
    private readonly FinOpsFixture fixture = new();
    private HookReceiver receiver = null!;

    private TestEnvironment Env => fixture.Environment;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        receiver = await HookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await fixture.DisposeAsync();
    }

    [Fact]
    public async Task The_hook_gets_every_change_of_a_transaction_once_in_order_with_key_fields_and_values()
    {
        await RegisterAsync("dualwrite", ["CustomersV3"]);
        using var client = await Env.ClientAsync("app");
        var (response, _) = await BatchBuilder.SendAsync(client,
        [
            new BatchChangeSet(
            [
                BatchBuilder.Post("CustomersV3", new { dataAreaId = "usmf", CustomerAccount = "H-1", CustomerGroupId = "10", OrganizationName = "One" }, "1"),
                BatchBuilder.Patch("$1", new { OrganizationName = "One, renamed" }, "2"),
                BatchBuilder.Post("CustomerGroups", new { dataAreaId = "usmf", CustomerGroupId = "10", Description = "Not hooked" }, "3"),
            ]),
        ]);
        response.EnsureSuccessStatusCode();

        var call = Assert.Single(receiver.Calls);
        Assert.Equal("s3cret-for-tests", call.Headers["X-DualWrite-Hook-Secret"]);
        var changes = call.Body.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["Create", "Update"], changes.Select(c => c.GetProperty("operation").GetString()));
        Assert.Equal("H-1", changes[1].GetProperty("key").GetProperty("CustomerAccount").GetString());
        Assert.Equal(["OrganizationName"], changes[1].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("One, renamed", changes[1].GetProperty("values").GetProperty("OrganizationName").GetString());
        Assert.True(changes[0].GetProperty("sequence").GetInt64() < changes[1].GetProperty("sequence").GetInt64());
        Assert.Equal(Env.Running.Credentials.Get("app").ClientId, call.Body.GetProperty("initiatingClientId").GetString());
    }

    [Fact]
    public async Task A_hook_that_answers_500_fails_the_write_with_its_message_and_leaves_the_row_unchanged()
    {
        using var client = await Env.ClientAsync("app");
        (await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "H-2", CustomerGroupId = "10", OrganizationName = "Kept" }))).EnsureSuccessStatusCode();
        await RegisterAsync("dualwrite", ["*"]);
        receiver.Status = 500;
        receiver.ErrorBody = """{"error":{"code":"DW","message":"Customers V3 (accounts): lookup msdyn_customergroupid.msdyn_groupid = '90' not found in company usmf"}}""";

        using var patch = new HttpRequestMessage(HttpMethod.Patch, "CustomersV3(dataAreaId='usmf',CustomerAccount='H-2')") { Content = TestEnvironment.Json(new { OrganizationName = "Lost" }) };
        using var response = await client.SendAsync(patch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Customers V3 (accounts): lookup msdyn_customergroupid.msdyn_groupid = '90' not found in company usmf", await FinOpsEntityTests.ErrorMessageAsync(response));
        var row = await FinOpsEntityTests.RowAsync(client, "CustomersV3(dataAreaId='usmf',CustomerAccount='H-2')");
        Assert.Equal("Kept", row.GetProperty("OrganizationName").GetString());

        using var create = await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "H-3", CustomerGroupId = "10" }));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='H-3')")).StatusCode);
    }

    [Fact]
    public async Task A_write_by_the_hooks_own_principal_does_not_fire_it_and_another_principal_cannot_avoid_it()
    {
        await RegisterAsync("dualwrite", ["CustomersV3"]);
        using var owner = await Env.ClientAsync("dualwrite");
        (await owner.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "H-4", CustomerGroupId = "10" }))).EnsureSuccessStatusCode();
        Assert.Empty(receiver.Calls);

        using var admin = await Env.ClientAsync("admin");
        (await admin.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "H-5", CustomerGroupId = "10" }))).EnsureSuccessStatusCode();
        Assert.Single(receiver.Calls);
    }

    [Fact]
    public async Task A_hook_that_does_not_answer_in_time_fails_the_write()
    {
        await using var impatient = await TestEnvironment.StartAsync(Hosting.EnvironmentKind.FinOps, o => o with { HookTimeout = TimeSpan.FromMilliseconds(300) });
        receiver.Delay = TimeSpan.FromSeconds(1.5);
        await RegisterAsync(impatient, receiver.Url);
        using var app = await impatient.ClientAsync("app");

        using var response = await app.PostAsync("CustomersV3", TestEnvironment.Json(new { CustomerAccount = "H-6", CustomerGroupId = "10" }));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("did not answer within 0.3 seconds", await FinOpsEntityTests.ErrorMessageAsync(response), StringComparison.Ordinal);
        Assert.Empty(await FinOpsEntityTests.ValuesAsync(app, "CustomersV3?$filter=CustomerAccount eq 'H-6'"));
    }

    [Fact]
    public async Task A_hook_that_cannot_be_reached_fails_the_write()
    {
        var gone = await HookReceiver.StartAsync();
        var url = gone.Url;
        await gone.DisposeAsync();
        await RegisterAsync(Env, url);
        using var app = await Env.ClientAsync("app");

        using var response = await app.PostAsync("CustomersV3", TestEnvironment.Json(new { CustomerAccount = "H-7", CustomerGroupId = "10" }));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("could not be reached", await FinOpsEntityTests.ErrorMessageAsync(response), StringComparison.Ordinal);
        Assert.Empty(await FinOpsEntityTests.ValuesAsync(app, "CustomersV3?$filter=CustomerAccount eq 'H-7'"));
    }

    [Fact]
    public async Task Registering_hooks_needs_the_administrator_role_and_valid_input()
    {
        using var app = await Env.ClientAsync("app");
        using var forbidden = await app.PostAsJsonAsync(new Uri(Env.Running.BaseAddress, "api/synchooks"), new { entities = new[] { "CustomersV3" }, url = receiver.Url, secret = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var admin = await Env.ClientAsync("admin");
        using var unknown = await admin.PostAsJsonAsync(new Uri(Env.Running.BaseAddress, "api/synchooks"), new { entities = new[] { "Nothing" }, url = receiver.Url, secret = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Nothing", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var listed = await admin.GetAsync(new Uri(Env.Running.BaseAddress, "api/synchooks"));
        Assert.DoesNotContain("secret", await listed.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task RegisterAsync(TestEnvironment environment, Uri url)
    {
        using var admin = await environment.ClientAsync("admin");
        using var response = await admin.PostAsJsonAsync(new Uri(environment.Running.BaseAddress, "api/synchooks"), new { entities = new[] { "*" }, url, secret = "x" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task RegisterAsync(string principal, string[] entities)
    {
        using var client = await Env.ClientAsync(principal);
        using var response = await client.PostAsJsonAsync(new Uri(Env.Running.BaseAddress, "api/synchooks"), new { entities, url = receiver.Url, secret = "s3cret-for-tests" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
