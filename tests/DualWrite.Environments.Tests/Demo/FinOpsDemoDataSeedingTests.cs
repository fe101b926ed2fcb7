using DualWrite.Core.Rows;
using DualWrite.Environments.Demo;

namespace DualWrite.Environments.Tests.Demo;

public sealed class FinOpsDemoDataSeedingTests
{
    [Fact]
    public async Task The_number_of_customers_per_company_is_the_callers_to_choose()
    {
        using var environment = new TempEnvironment("finops");

        await FinOpsDemoData.SeedAsync(environment.Store, TempEnvironment.Actor, customersPerCompany: 40);

        foreach (var company in FinOpsDemoData.CompanyIds)
        {
            Assert.Equal(40, environment.Count("CustomersV3", $"dataAreaId eq '{company}'"));
            Assert.Equal(FinOpsDemoData.VendorsPerCompany(40), environment.Count("VendorsV2", $"dataAreaId eq '{company}'"));
        }
    }

    [Fact]
    public async Task Seeding_again_after_a_restart_adds_nothing()
    {
        using var environment = new TempEnvironment("finops");
        await FinOpsDemoData.SeedAsync(environment.Store, TempEnvironment.Actor, customersPerCompany: 40);
        var before = Counts(environment);
        environment.Reopen();

        var second = await FinOpsDemoData.SeedAsync(environment.Store, TempEnvironment.Actor, customersPerCompany: 40);

        Assert.True(second.AlreadyPresent);
        Assert.Equal(0, second.Total);
        Assert.Contains("already present", second.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Counts(environment));
    }

    [Fact]
    public async Task A_company_already_present_is_left_alone_while_missing_ones_are_added()
    {
        using var environment = new TempEnvironment("finops");
        await using (var transaction = await environment.Store.BeginWriteAsync(TempEnvironment.Actor, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            transaction.Insert(environment.Schema.GetTable("LegalEntities"), new Row { ["LegalEntityId"] = "gbsi", ["Name"] = "Made by hand" });
            transaction.Commit();
        }

        var summary = await FinOpsDemoData.SeedAsync(environment.Store, TempEnvironment.Actor, customersPerCompany: 20);

        Assert.Equal(2, summary.RowsOf("LegalEntities"));
        Assert.Equal(0, environment.Count("CustomersV3", "dataAreaId eq 'gbsi'"));
        Assert.Equal(20, environment.Count("CustomersV3", "dataAreaId eq 'usmf'"));
        Assert.Equal(1, environment.Count("LegalEntities", "Name eq 'Made by hand'"));
    }

    [Fact]
    public async Task Two_environments_seeded_alike_hold_the_same_values()
    {
        using var first = new TempEnvironment("finops");
        using var second = new TempEnvironment("finops");

        await FinOpsDemoData.SeedAsync(first.Store, TempEnvironment.Actor, customersPerCompany: 30);
        await FinOpsDemoData.SeedAsync(second.Store, TempEnvironment.Actor, customersPerCompany: 30);

        Assert.Equal(Snapshot(first, "CustomersV3"), Snapshot(second, "CustomersV3"));
        Assert.Equal(Snapshot(first, "VendorsV2"), Snapshot(second, "VendorsV2"));
    }

    [Fact]
    public async Task Few_customers_still_make_a_consistent_company()
    {
        using var environment = new TempEnvironment("finops");

        var summary = await FinOpsDemoData.SeedAsync(environment.Store, TempEnvironment.Actor, customersPerCompany: 1);

        Assert.Equal(3, summary.RowsOf("CustomersV3"));
        Assert.Equal(0, summary.RowsOf("VendorsV2"));
        Assert.Equal(1, environment.Count("CustomersV3", "CustomerAccount eq 'US-001'"));
    }

    private static Dictionary<string, long> Counts(TempEnvironment environment) =>
        environment.Schema.Tables.ToDictionary(t => t.Name, t => environment.Count(t.Name));

    private static string[] Snapshot(TempEnvironment environment, string table) =>
        environment.All(table)
            .Select(r => string.Join("|", r.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")))
            .ToArray();
}
