using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Testing;

namespace DualWrite.Connectors.Tests.FinOps;

public sealed class FinOpsHookTests(EmptyFinOps finOps) : IClassFixture<EmptyFinOps>, IAsyncLifetime
{
    private const string Secret = "a-long-random-secret-for-the-tests";
    private const string SecretHeader = "X-DualWrite-Hook-Secret";
    private readonly List<string> registered = [];
    private HookReceiver subscriber = null!;

    public async Task InitializeAsync() => subscriber = await HookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        // Hooks of one test would otherwise be called by the writes of the next, at an address that is gone.
        foreach (var id in registered)
        {
            await finOps.Client.RemoveHookAsync(id, CancellationToken.None);
        }

        await subscriber.DisposeAsync();
    }

    [Fact]
    public async Task A_hook_is_registered_listed_and_removed()
    {
        var id = await RegisterAsync(["CustomersV3", "CustomerGroups"]);

        var listed = Assert.Single(await finOps.Client.ListHooksAsync(CancellationToken.None), h => h.Id == id);
        Assert.Equal(["CustomersV3", "CustomerGroups"], listed.Entities);
        Assert.Equal(subscriber.Url, listed.Url);

        await finOps.Client.RemoveHookAsync(id, CancellationToken.None);

        Assert.DoesNotContain(await finOps.Client.ListHooksAsync(CancellationToken.None), h => h.Id == id);
        await finOps.Client.RemoveHookAsync(id, CancellationToken.None);
    }

    [Fact]
    public async Task A_write_by_another_principal_reaches_the_subscriber_and_the_integrations_own_writes_do_not()
    {
        await RegisterAsync(["CustomersV3"]);

        var byApp = await finOps.AppClient.WriteAsync([FinOpsWriteTests.Customer("HK-1", creditLimit: 42.5m)], atomic: true, CancellationToken.None);
        Assert.True(byApp.Single().Success, byApp.Single().ToString());

        var call = Assert.Single(subscriber.Calls);
        Assert.Equal(Secret, call.Headers[SecretHeader]);
        var change = Assert.Single(call.Body.GetProperty("changes").EnumerateArray());
        Assert.Equal("CustomersV3", change.GetProperty("entity").GetString());
        Assert.Equal("Create", change.GetProperty("operation").GetString());
        Assert.Equal("HK-1", change.GetProperty("key").GetProperty("CustomerAccount").GetString());
        Assert.Equal(42.5m, change.GetProperty("values").GetProperty("CreditLimit").GetDecimal());

        var own = await finOps.Client.WriteAsync(
            [FinOpsWrite.Update("CustomersV3", Rows.Customer("dat", "HK-1"), new Row { ["CreditLimit"] = 1m })], atomic: true, CancellationToken.None);
        Assert.True(own.Single().Success, own.Single().ToString());
        Assert.Single(subscriber.Calls);
    }

    [Fact]
    public async Task A_subscriber_that_refuses_rolls_the_whole_change_set_back_with_its_message()
    {
        await RegisterAsync(["*"]);
        subscriber.Refusal = "The runtime cannot take this change now.";

        var outcomes = await finOps.AppClient.WriteAsync(
            [FinOpsWriteTests.Customer("RF-1"), FinOpsWriteTests.Customer("RF-2")], atomic: true, CancellationToken.None);

        Assert.All(outcomes, o =>
        {
            Assert.False(o.Success);
            Assert.Contains(subscriber.Refusal, o.Message, StringComparison.Ordinal);
        });
        Assert.Null(await finOps.Client.ReadAsync("CustomersV3", Rows.Customer("dat", "RF-1"), CancellationToken.None));
        Assert.Null(await finOps.Client.ReadAsync("CustomersV3", Rows.Customer("dat", "RF-2"), CancellationToken.None));
    }

    [Fact]
    public async Task A_registration_the_service_refuses_gives_its_reason_and_never_the_secret()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            finOps.Client.RegisterHookAsync(["NoSuchEntities"], subscriber.Url, Secret, CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Contains("NoSuchEntities", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_principal_that_may_not_administer_cannot_register_hooks()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            finOps.AppClient.RegisterHookAsync(["CustomersV3"], subscriber.Url, Secret, CancellationToken.None));

        Assert.Equal(403, error.Status);
    }

    private async Task<string> RegisterAsync(IReadOnlyList<string> entities)
    {
        var id = await finOps.Client.RegisterHookAsync(entities, subscriber.Url, Secret, CancellationToken.None);
        registered.Add(id);
        return id;
    }
}
