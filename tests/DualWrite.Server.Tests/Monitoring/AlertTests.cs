using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Monitoring;
using DualWrite.Testing;

namespace DualWrite.Server.Tests.Monitoring;

public sealed class AlertTests
{
    private const string Groups = "Customer groups";
    private static readonly RowKey Group10 = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10"));

    [Fact]
    public async Task A_rule_pauses_its_map_at_its_threshold_and_notifies_then_the_users_changes_queue_instead_of_failing()
    {
        await using var harness = await ServerHarness.StartAsync();
        await using var notices = await HookReceiver.StartAsync();
        await harness.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment", InitialSync: false), new RunItem(Groups, InitialSync: false)]), "ana", CancellationToken.None);
        var rule = await harness.Runtime.Store.SaveAlertRuleAsync(new AlertRule(0, Groups, 2, [ErrorType.Application], TimeSpan.FromMinutes(5), AlertAction.Pause, notices.Url), CancellationToken.None);

        Assert.False((await BadTermsAsync(harness)).Success);
        Assert.Equal(MapState.Running, await harness.Runtime.Store.GetStateAsync(Groups, CancellationToken.None));
        Assert.False((await BadTermsAsync(harness)).Success);

        Assert.Equal(MapState.Paused, await harness.Runtime.Store.GetStateAsync(Groups, CancellationToken.None));
        var activity = await harness.Runtime.Store.GetActivityAsync(Groups, 2, CancellationToken.None);
        Assert.Equal(($"alert rule {rule.Id}", "Pause"), (activity[0].Who, activity[0].Action));
        Assert.Contains("2 application errors within 5 minutes; the map is paused", activity[1].Detail, StringComparison.Ordinal);
        var notice = Assert.Single(notices.Calls).Body;
        Assert.Equal((Groups, 2, "Pause"), (notice.GetProperty("map").GetString(), notice.GetProperty("errors").GetInt32(), notice.GetProperty("action").GetString()));

        // Paused, the map queues: the same change now commits, to be replayed (and fail there) on resume.
        Assert.True((await BadTermsAsync(harness)).Success);
        Assert.Equal(1, Assert.Single(await harness.Runtime.Store.GetQueueStatsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Rules_are_kept_per_map_replaced_by_id_and_deleted()
    {
        await using var harness = await ServerHarness.StartAsync();
        var store = harness.Runtime.Store;
        var first = await store.SaveAlertRuleAsync(new AlertRule(0, Groups, 5, [], TimeSpan.FromMinutes(10), AlertAction.Notify), CancellationToken.None);
        await store.SaveAlertRuleAsync(new AlertRule(0, "Currencies", 1, [ErrorType.System, ErrorType.Concurrency], TimeSpan.FromMinutes(1), AlertAction.Stop), CancellationToken.None);

        await store.SaveAlertRuleAsync(first with { Errors = 7 }, CancellationToken.None);

        var kept = Assert.Single(await store.GetAlertRulesAsync(Groups, CancellationToken.None));
        Assert.Equal((first.Id, 7, AlertAction.Notify), (kept.Id, kept.Errors, kept.Action));
        Assert.Equal([ErrorType.System, ErrorType.Concurrency], (await store.GetAlertRulesAsync("Currencies", CancellationToken.None))[0].Types);
        Assert.Equal(2, (await store.GetAlertRulesAsync(null, CancellationToken.None)).Count);
        Assert.True(await store.DeleteAlertRuleAsync(first.Id, CancellationToken.None));
        Assert.False(await store.DeleteAlertRuleAsync(first.Id, CancellationToken.None));
    }

    private static async Task<WriteOutcome> BadTermsAsync(ServerHarness harness) =>
        (await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", Group10, new Row { ["PaymentTermId"] = "Never" })], atomic: true, CancellationToken.None))[0];
}
