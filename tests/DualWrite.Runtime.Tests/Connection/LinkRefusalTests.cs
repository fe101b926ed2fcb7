using DualWrite.Runtime.Connection;

namespace DualWrite.Runtime.Tests.Connection;

/// <summary>Every refusal says what is wrong and where, never holds a secret, and leaves both sides and the store as they were.</summary>
public sealed class LinkRefusalTests : IAsyncLifetime
{
    private LinkHarness harness = null!;

    public async Task InitializeAsync() => harness = await LinkHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task An_unreachable_FinOps_is_refused_and_nothing_changes()
    {
        var request = harness.Request("usmf") with { FinOps = LinkHarness.Unreachable(harness.FinOpsEmulator.Address()) };

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.LinkAsync(request, "tester", CancellationToken.None));

        Assert.StartsWith($"F&O at {request.FinOps.ServiceRoot} cannot be reached", refusal.Message, StringComparison.Ordinal);
        Assert.Null(refusal.InnerException);
        await harness.AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task An_unreachable_Dataverse_is_refused_and_nothing_changes()
    {
        var request = harness.Request("usmf") with { Dataverse = LinkHarness.Unreachable(harness.DataverseEmulator.Address()) };

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.LinkAsync(request, "tester", CancellationToken.None));

        Assert.StartsWith($"Dataverse at {request.Dataverse.ServiceRoot} cannot be reached", refusal.Message, StringComparison.Ordinal);
        await harness.AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task A_wrong_FinOps_secret_is_refused_in_the_identity_platforms_words_without_the_secret()
    {
        const string Wrong = "not-the-secret-but-close-Zq81";
        var request = harness.Request("usmf") with { FinOps = harness.FinOpsEmulator.Address(secret: Wrong) };

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.LinkAsync(request, "tester", CancellationToken.None));

        Assert.StartsWith($"F&O at {request.FinOps.ServiceRoot} refused the credentials of client {request.FinOps.ClientId}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("AADSTS7000215", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.FinOpsEmulator.Address().ClientSecret, refusal.Message, StringComparison.Ordinal);
        Assert.Null(refusal.InnerException);
        await harness.AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task A_wrong_Dataverse_secret_is_refused_without_the_secret_and_nothing_changes()
    {
        const string Wrong = "another-wrong-secret-Hh20";
        var request = harness.Request("usmf") with { Dataverse = harness.DataverseEmulator.Address(secret: Wrong) };

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.LinkAsync(request, "tester", CancellationToken.None));

        Assert.StartsWith($"Dataverse at {request.Dataverse.ServiceRoot} refused the credentials", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_client", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, refusal.Message, StringComparison.Ordinal);
        await harness.AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task An_unknown_company_is_refused_by_name_and_nothing_changes()
    {
        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.LinkAsync("usmf", "zzz", "dat"));

        Assert.Contains("no legal entity 'zzz'", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'usmf'", refusal.Message, StringComparison.Ordinal);
        await harness.AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task A_FinOps_principal_that_may_not_register_hooks_is_refused_before_any_change()
    {
        var request = harness.Request("usmf") with { FinOps = harness.FinOpsEmulator.Address("app") };

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.LinkAsync(request, "tester", CancellationToken.None));

        Assert.StartsWith($"F&O at {request.FinOps.ServiceRoot} does not allow client {request.FinOps.ClientId}", refusal.Message, StringComparison.Ordinal);
        await harness.AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task A_Dataverse_principal_that_may_not_register_webhooks_leaves_nothing_behind()
    {
        var request = harness.Request("usmf") with { Dataverse = harness.DataverseEmulator.Address("app") };

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.LinkAsync(request, "tester", CancellationToken.None));

        Assert.StartsWith("The link was not made: ", refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed.", refusal.Message, StringComparison.Ordinal);
        await harness.AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task Linking_again_without_reset_is_refused_and_keeps_the_first_link()
    {
        var first = await harness.LinkAsync("usmf");

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.LinkAsync("gbsi"));

        Assert.Contains("already linked", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("reset the link", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(first.Hooks.FinOpsHookId, Assert.Single(await harness.FinOps.ListHooksAsync(CancellationToken.None)).Id);
        Assert.Single(await harness.ReadAllAsync("serviceendpoint"));
        Assert.Equal(["usmf"], (await harness.Service.GetAsync(CancellationToken.None))!.Companies);
        Assert.Equal(["usmf"], await harness.DataverseCompaniesAsync());
    }

    [Fact]
    public async Task A_hook_address_that_is_not_absolute_http_is_refused()
    {
        var request = harness.Request("usmf") with { HookBaseUrl = new Uri("ftp://127.0.0.1/hooks/") };

        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.LinkAsync(request, "tester", CancellationToken.None));

        Assert.Contains("ftp://127.0.0.1/hooks/", refusal.Message, StringComparison.Ordinal);
        await harness.AssertNothingLinkedAsync();
    }

    [Fact]
    public async Task A_link_that_fails_at_its_last_step_undoes_what_it_did_on_both_sides()
    {
        var failing = FailingConnectionStore.Over(harness.Store.Store);
        using var service = new ConnectionService(failing, harness.FinOpsEmulator.Schema, harness.DataverseEmulator.Schema, harness.InitialSync);

        var failure = await Assert.ThrowsAsync<IOException>(() => service.LinkAsync(harness.Request("usmf", "dat"), "tester", CancellationToken.None));

        Assert.Equal("the disk is full", failure.Message);
        await harness.AssertNothingLinkedAsync();
    }
}
