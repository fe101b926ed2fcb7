using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Reconciliation;
using DualWrite.Runtime.Tests.InitialSync;

namespace DualWrite.Runtime.Tests.Reconciliation;

public sealed class ComparisonTests
{
    [Fact]
    public async Task After_an_initial_sync_both_sides_agree_and_customers_outside_the_filter_are_left_out()
    {
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync(Master.Dataverse, [.. SyncHarness.Dependencies, Drift.Map]);

        var report = await CompareAsync(harness);

        Assert.True(report.Agrees, Describe(report));
        Assert.Empty(report.Differences);
        Assert.Equal(SyncHarness.Companies, report.Companies.Select(c => c.Company));
        Assert.Equal(report.Totals.DataverseRows, report.Totals.Equal);

        // People are customers too; the map takes organisations only, and Dataverse is not expected to have them.
        Assert.True(report.Totals.Skipped > 0);
        Assert.Equal(report.Totals.FinOpsRows, report.Totals.Equal + report.Totals.Skipped);
    }

    [Fact]
    public async Task Every_kind_of_difference_is_found_with_the_key_and_both_values_of_each_field()
    {
        await using var harness = await SyncHarness.StartAsync();
        var drift = await Drift.MakeAsync(harness);

        var report = await CompareAsync(harness);

        Assert.False(report.Agrees);
        Assert.Equal(new ComparisonCounts(
            report.Totals.FinOpsRows, report.Totals.DataverseRows, report.Totals.Compared, report.Totals.Equal, OnlyInFinOps: 1, OnlyInDataverse: 1, Differing: 3, report.Totals.Skipped), report.Totals);
        Assert.Equal(report.Totals.Compared, report.Totals.Equal + 5);

        var deleted = Single(report, drift.DeletedInDataverse);
        Assert.Equal(("usmf", RowDifferenceKind.OnlyInFinOps), (deleted.Company, deleted.Kind));
        Assert.Equal(RowDifferenceKind.OnlyInDataverse, Single(report, Drift.OnlyInDataverse).Kind);

        var credit = Assert.Single(Single(report, drift.CreditLimitChanged).Fields);
        Assert.Equal(("CREDITLIMIT = creditlimit", "CreditLimit", "creditlimit"), (credit.Mapping, credit.FinOpsField, credit.DataverseField));
        Assert.Equal(decimal.Parse(credit.FinOpsValue!, System.Globalization.CultureInfo.InvariantCulture), drift.FinOpsCreditLimit);
        Assert.Equal(Drift.DataverseCreditLimit, decimal.Parse(credit.DataverseValue!, System.Globalization.CultureInfo.InvariantCulture));

        var group = Assert.Single(Single(report, drift.GroupChanged).Fields);
        Assert.Equal(("CustomerGroupId", "msdyn_customergroupid.msdyn_groupid"), (group.FinOpsField, group.DataverseField));
        Assert.Equal(($"'{drift.NewGroup}'", $"'{drift.OldGroup}'"), (group.FinOpsValue, group.DataverseValue));

        var renamed = Single(report, drift.GbsiRenamed, "gbsi");
        Assert.Equal($"'{Drift.RenamedInGbsi}'", Assert.Single(renamed.Fields).DataverseValue);

        // A prospect is outside the map's Dataverse filter: not a difference, only a row left out.
        Assert.DoesNotContain(report.Differences, d => d.Key.Contains(Drift.OutsideFilter, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_company_is_compared_without_the_others_and_counts_stay_exact_past_the_differences_kept()
    {
        await using var harness = await SyncHarness.StartAsync();
        await Drift.MakeAsync(harness);

        var usmf = await CompareAsync(harness, ["usmf"]);
        Assert.Equal("usmf", Assert.Single(usmf.Companies).Company);
        Assert.All(usmf.Differences, d => Assert.Equal("usmf", d.Company));
        Assert.Equal(4, usmf.Totals.Differences);

        var few = await CompareAsync(harness, maxDifferences: 2);
        Assert.Equal(2, few.Differences.Count);
        Assert.Equal(5, few.Totals.Differences);
    }

    internal static Task<ComparisonReport> CompareAsync(SyncHarness harness, string[]? companies = null, int? maxDifferences = null) =>
        new Comparison(harness.FinOps, harness.Dataverse, new ComparisonOptions(PageSize: 250))
            .RunAsync(harness.Mapper(Drift.Map), companies ?? SyncHarness.Companies, maxDifferences, CancellationToken.None);

    internal static string Describe(ComparisonReport report) =>
        $"{report.Totals}: " + string.Join("; ", report.Differences.Take(10).Select(d => $"{d.Company} {d.Key} {d.Kind} {d.Problem} " + string.Join(", ", d.Fields.Select(f => $"{f.Mapping}: {f.FinOpsValue} / {f.DataverseValue}"))));

    private static RowDifference Single(ComparisonReport report, string account, string company = "usmf") =>
        Assert.Single(report.Differences, d => d.Company == company && d.Key.Contains($"'{account}'", StringComparison.Ordinal));
}
