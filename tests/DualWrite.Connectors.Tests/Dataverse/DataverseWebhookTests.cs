using DualWrite.Connectors.Dataverse;
using DualWrite.Testing;
using DualWrite.Core.Rows;
using DualWrite.Environments.Hosting;

namespace DualWrite.Connectors.Tests.Dataverse;

/// <summary>Each test registers webhooks in an environment of its own, so that no other test's writes reach its receiver.</summary>
public sealed class DataverseWebhookTests : IAsyncLifetime
{
    private const string Header = "x-dualwrite-key";
    private const string Secret = "s3cret-with-\"quotes\"-&-<angles>";

    private Emulator emulator = null!;
    private HookReceiver receiver = null!;
    private DataverseClient runtime = null!;
    private DataverseClient app = null!;
    private Guid usmf;

    public async Task InitializeAsync()
    {
        emulator = await Emulator.StartAsync(EnvironmentKind.Dataverse);
        receiver = await HookReceiver.StartAsync();
        runtime = new DataverseClient(emulator.Transport("dualwrite"), emulator.Schema);
        app = new DataverseClient(emulator.Transport("app"), emulator.Schema);
        usmf = await runtime.EnsureCompanyAsync("usmf", "Contoso USA", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task Writes_by_another_principal_reach_the_webhook_with_the_secret_and_the_runtimes_own_writes_do_not()
    {
        var webhook = await runtime.RegisterWebhookAsync("dual-write", receiver.Url, Header, Secret, ["account", "contact"], ["Create", "Update", "Delete"], CancellationToken.None);
        Assert.Equal(6, webhook.StepIds.Count);

        var created = Assert.Single(await Accounts.WriteAllAsync(app, [Accounts.Upsert("WH-001", usmf, "By the app")], atomic: false)).Id!.Value;
        await Accounts.WriteAllAsync(app, [new DataverseWrite("account", DataverseOperation.Update, DataverseKey.ById(created), new Row { ["telephone1"] = "555-0100" })], atomic: false);

        var calls = receiver.Calls.ToArray();
        Assert.Equal(["Create", "Update"], calls.Select(MessageName));
        Assert.All(calls, c =>
        {
            Assert.Equal("account", c.Body.GetProperty("PrimaryEntityName").GetString());
            Assert.Equal(created, c.Body.GetProperty("PrimaryEntityId").GetGuid());
            Assert.Equal(Secret, c.Headers[Header]);
        });

        await Accounts.WriteAllAsync(runtime,
        [
            new DataverseWrite("account", DataverseOperation.Update, DataverseKey.ById(created), new Row { ["telephone1"] = "555-0199" }),
            Accounts.Upsert("WH-002", usmf, "By the runtime"),
        ], atomic: true);
        Assert.Equal(2, receiver.Calls.Count);

        await Accounts.WriteAllAsync(app, [new DataverseWrite("account", DataverseOperation.Delete, DataverseKey.ById(created))], atomic: false);
        Assert.Equal("Delete", MessageName(receiver.Calls.Last()));
    }

    [Fact]
    public async Task A_removed_webhook_is_called_no_more_and_leaves_no_step_or_endpoint_behind()
    {
        var webhook = await runtime.RegisterWebhookAsync("dual-write", receiver.Url, Header, Secret, ["account"], ["Create"], CancellationToken.None);
        await Accounts.WriteAllAsync(app, [Accounts.Create("WR-001", "Before removal")], atomic: false);
        Assert.Single(receiver.Calls);

        await runtime.RemoveWebhookAsync(webhook, CancellationToken.None);
        await Accounts.WriteAllAsync(app, [Accounts.Create("WR-002", "After removal")], atomic: false);

        Assert.Single(receiver.Calls);
        Assert.Empty(await Accounts.ReadAllAsync(runtime, "sdkmessageprocessingstep", new DataverseQuery { Filter = $"_eventhandler_serviceendpoint_value eq {webhook.EndpointId}" }));
        Assert.Null(await runtime.ReadAsync("serviceendpoint", DataverseKey.ById(webhook.EndpointId), CancellationToken.None));

        // Removing what is already gone is no failure: a retried removal must not get stuck.
        await runtime.RemoveWebhookAsync(webhook, CancellationToken.None);
    }

    [Fact]
    public async Task The_steps_are_synchronous_post_operation_steps_bound_to_the_message_and_its_filter_and_the_secret_is_never_read_back()
    {
        var webhook = await runtime.RegisterWebhookAsync("dual-write", receiver.Url, Header, Secret, ["msdyn_customergroup"], ["Update"], CancellationToken.None);

        var step = await runtime.ReadAsync(
            "sdkmessageprocessingstep",
            DataverseKey.ById(Assert.Single(webhook.StepIds)),
            ["sdkmessageid.name", "sdkmessagefilterid.primaryobjecttypecode"],
            CancellationToken.None);
        var endpoint = await runtime.ReadAsync("serviceendpoint", DataverseKey.ById(webhook.EndpointId), CancellationToken.None);

        Assert.Equal(0, step?["mode"]);
        Assert.Equal(40L, step?["stage"]);
        Assert.Equal(webhook.EndpointId, step?["eventhandler_serviceendpoint"]);
        Assert.Equal("Update", step?["sdkmessageid.name"]);
        Assert.Equal("msdyn_customergroup", step?["sdkmessagefilterid.primaryobjecttypecode"]);
        Assert.Equal(8, endpoint?["contract"]);
        Assert.Equal(4, endpoint?["authtype"]);
        Assert.Equal(receiver.Url.AbsoluteUri, endpoint?["url"]);
        Assert.False(endpoint?.Contains("authvalue"));
    }

    [Fact]
    public async Task Registering_for_an_unknown_message_or_table_is_refused_and_registers_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            runtime.RegisterWebhookAsync("dual-write", receiver.Url, Header, Secret, ["account"], ["Assign"], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            runtime.RegisterWebhookAsync("dual-write", receiver.Url, Header, Secret, ["no_such_table"], ["Create"], CancellationToken.None));

        Assert.Empty(await Accounts.ReadAllAsync(runtime, "serviceendpoint", DataverseQuery.All));
        Assert.Empty(await Accounts.ReadAllAsync(runtime, "sdkmessageprocessingstep", DataverseQuery.All));
    }

    private static string? MessageName(ReceivedCall call) => call.Body.GetProperty("MessageName").GetString();
}
