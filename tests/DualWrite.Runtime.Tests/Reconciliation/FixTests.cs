using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Reconciliation;
using DualWrite.Runtime.Tests.InitialSync;

namespace DualWrite.Runtime.Tests.Reconciliation;

public sealed class FixTests
{
    [Theory]
    [InlineData(Master.Dataverse)]
    [InlineData(Master.FinOps)]
    public async Task A_fix_writes_the_masters_values_across_and_a_second_comparison_finds_both_sides_equal(Master master)
    {
        await using var harness = await SyncHarness.StartAsync();
        var drift = await Drift.MakeAsync(harness);

        var report = await ReconcilerOf(harness).RunAsync(harness.Mapper(Drift.Map), SyncHarness.Companies, new ComparisonRequest(FixWith: master), "admin", CancellationToken.None);

        Assert.Equal(5, report.Totals.Differences);
        var fix = Assert.IsType<ComparisonFix>(report.Fix);
        Assert.Equal(master, fix.Master);
        Assert.True(fix.After.Agrees, ComparisonTests.Describe(fix.After));
        Assert.True(report.AgreesNow);
        Assert.Equal(0, fix.ToDataverse.Failed + fix.ToFinOps.Failed);
        var again = await ComparisonTests.CompareAsync(harness);
        Assert.True(again.Agrees, ComparisonTests.Describe(again));

        // Rows on one side only are created on the other whatever the master; differing values take the master's.
        var accounts = await harness.AccountsAsync();
        var customers = await harness.CustomersAsync();
        Assert.Contains($"usmf|{drift.DeletedInDataverse}", accounts.Keys);
        Assert.Contains($"usmf|{Drift.OnlyInDataverse}", customers.Keys);
        Assert.DoesNotContain($"usmf|{Drift.OutsideFilter}", customers.Keys);
        var (creditLimit, group, gbsiName) = master == Master.Dataverse
            ? (Drift.DataverseCreditLimit, drift.OldGroup, Drift.RenamedInGbsi)
            : (drift.FinOpsCreditLimit, drift.NewGroup, null);
        Assert.Equal(creditLimit, decimal.Parse(accounts[$"usmf|{drift.CreditLimitChanged}"].Split('|')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(creditLimit, decimal.Parse(customers[$"usmf|{drift.CreditLimitChanged}"].Split('|')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("|" + group, accounts[$"usmf|{drift.GroupChanged}"], StringComparison.Ordinal);
        Assert.EndsWith("|" + group, customers[$"usmf|{drift.GroupChanged}"], StringComparison.Ordinal);
        Assert.Equal(gbsiName is not null, customers[$"gbsi|{drift.GbsiRenamed}"].StartsWith(Drift.RenamedInGbsi + "|", StringComparison.Ordinal));

        var activity = await harness.Store.Store.GetActivityAsync(Drift.Map, 10, CancellationToken.None);
        Assert.Contains(activity, a => a.Action == "Compare fixed" && a.Who == "admin");
    }

    [Fact]
    public async Task Sides_that_agree_are_not_written_to_when_a_fix_is_asked()
    {
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync(Master.Dataverse, [.. SyncHarness.Dependencies, Drift.Map]);
        var runs = await harness.Store.Store.GetLatestSyncRunAsync(Drift.Map, CancellationToken.None);

        var report = await ReconcilerOf(harness).RunAsync(harness.Mapper(Drift.Map), SyncHarness.Companies, new ComparisonRequest(FixWith: Master.FinOps), "admin", CancellationToken.None);

        Assert.True(report.Agrees);
        Assert.Null(report.Fix);
        Assert.Equal(runs!.Id, (await harness.Store.Store.GetLatestSyncRunAsync(Drift.Map, CancellationToken.None))!.Id);
    }

    private static Reconciler ReconcilerOf(SyncHarness harness) =>
        new(new Comparison(harness.FinOps, harness.Dataverse, new ComparisonOptions(PageSize: 250)), harness.Runner(), harness.Store.Store);
}
