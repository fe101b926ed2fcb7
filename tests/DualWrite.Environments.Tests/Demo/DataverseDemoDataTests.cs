using DualWrite.Environments.Demo;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Tests.Demo;

public sealed class DataverseDemoDataTests
{
    [Fact]
    public async Task Three_currencies_carry_their_exchange_rates()
    {
        using var environment = await SeededAsync();

        var currencies = environment.All("transactioncurrency").ToDictionary(r => (string)r.Values["isocurrencycode"]!, r => r.Values);

        Assert.Equal(["EUR", "GBP", "USD"], currencies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1m, currencies["USD"]["exchangerate"]);
        Assert.All(currencies.Values, c =>
        {
            Assert.InRange((decimal)c["exchangerate"]!, 0.5m, 1.5m);
            Assert.False(string.IsNullOrEmpty((string?)c["currencysymbol"]));
        });
    }

    [Fact]
    public async Task Accounts_come_both_with_and_without_a_company()
    {
        using var environment = await SeededAsync();

        var accounts = environment.All("account");

        Assert.Equal(DataverseDemoData.AccountCount, accounts.Count);
        var withoutCompany = accounts.Count(a => a.Values["msdyn_company"] is null);
        Assert.InRange(withoutCompany, accounts.Count / 3, accounts.Count * 2 / 3);
        Assert.Equal(withoutCompany, environment.Count("account", "msdyn_company eq null"));
        var companies = environment.All("cdm_company").ToDictionary(c => (Guid)c.Values["cdm_companyid"]!, c => (string)c.Values["cdm_companycode"]!);
        Assert.All(accounts.Where(a => a.Values["msdyn_company"] is not null), a => Assert.True(companies.ContainsKey((Guid)a.Values["msdyn_company"]!)));
    }

    [Fact]
    public async Task The_companies_a_link_brings_are_left_to_the_link()
    {
        using var environment = await SeededAsync();

        var codes = environment.All("cdm_company").Select(c => (string)c.Values["cdm_companycode"]!).ToArray();

        Assert.Equal([DataverseDemoData.CrmCompanyCode], codes);
        Assert.DoesNotContain(codes, c => FinOpsDemoData.CompanyIds.Contains(c, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_contact_s_parent_account_exists_and_shares_its_company()
    {
        using var environment = await SeededAsync();
        var accounts = environment.All("account").ToDictionary(a => (Guid)a.Values["accountid"]!);

        var contacts = environment.All("contact");

        Assert.Equal(DataverseDemoData.ContactCount, contacts.Count);
        var linked = contacts.Where(c => c.Values["parentcustomerid"] is not null).ToArray();
        Assert.Equal(DataverseDemoData.LinkedContactCount, linked.Length);
        Assert.All(linked, c =>
        {
            var parent = accounts[(Guid)c.Values["parentcustomerid"]!];
            Assert.Equal(parent.Values["msdyn_company"], c.Values["msdyn_company"]);
        });
        Assert.Contains(linked, c => c.Values["msdyn_company"] is null);
        Assert.Contains(linked, c => c.Values["msdyn_company"] is not null);
        Assert.All(contacts, c => Assert.False(string.IsNullOrEmpty((string?)c.Values["lastname"])));
        Assert.All(contacts, c => Assert.Equal($"{c.Values["firstname"]} {c.Values["lastname"]}", c.Values["fullname"]));
    }

    [Fact]
    public async Task Primary_contacts_and_parent_accounts_point_at_rows_that_belong_together()
    {
        using var environment = await SeededAsync();
        var accounts = environment.All("account");
        var contacts = environment.All("contact").ToDictionary(c => (Guid)c.Values["contactid"]!);
        var ids = accounts.Select(a => (Guid)a.Values["accountid"]!).ToHashSet();

        var withPrimary = accounts.Where(a => a.Values["primarycontactid"] is not null).ToArray();
        var subsidiaries = accounts.Where(a => a.Values["parentaccountid"] is not null).ToArray();

        Assert.NotEmpty(withPrimary);
        Assert.All(withPrimary, a => Assert.Equal(a.Values["accountid"], contacts[(Guid)a.Values["primarycontactid"]!].Values["parentcustomerid"]));
        Assert.NotEmpty(subsidiaries);
        Assert.All(subsidiaries, a => Assert.Contains((Guid)a.Values["parentaccountid"]!, ids));
    }

    [Fact]
    public async Task Some_accounts_share_a_number_with_an_FinOps_customer_under_another_name()
    {
        using var finOps = new TempEnvironment("finops");
        await FinOpsDemoData.SeedAsync(finOps.Store, TempEnvironment.Actor);
        using var environment = await SeededAsync();
        var customerNames = finOps.All("CustomersV3")
            .GroupBy(c => (string)c.Values["CustomerAccount"]!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(c => (string?)c.Values["OrganizationName"]).ToArray(), StringComparer.OrdinalIgnoreCase);

        var colliding = environment.All("account")
            .Where(a => a.Values["accountnumber"] is string number && customerNames.ContainsKey(number))
            .ToArray();

        Assert.Contains(colliding, a => a.Values["msdyn_company"] is null);
        Assert.All(colliding, a => Assert.DoesNotContain(a.Values["name"], customerNames[(string)a.Values["accountnumber"]!]));
        Assert.Contains(environment.All("account"), a => a.Values["msdyn_company"] is null && a.Values["accountnumber"] is null);
    }

    [Fact]
    public async Task Seeding_again_after_a_restart_adds_nothing()
    {
        using var environment = await SeededAsync();
        var before = environment.Schema.Tables.ToDictionary(t => t.Name, t => environment.Count(t.Name));
        environment.Reopen();

        var second = await DataverseDemoData.SeedAsync(environment.Store, TempEnvironment.Actor);

        Assert.True(second.AlreadyPresent);
        Assert.Equal(before, environment.Schema.Tables.ToDictionary(t => t.Name, t => environment.Count(t.Name)));
    }

    [Fact]
    public async Task The_summary_counts_what_the_tables_hold_and_ids_are_the_same_every_time()
    {
        using var first = new TempEnvironment("dataverse");
        using var second = new TempEnvironment("dataverse");

        var summary = await DataverseDemoData.SeedAsync(first.Store, TempEnvironment.Actor);
        await DataverseDemoData.SeedAsync(second.Store, TempEnvironment.Actor);

        Assert.Equal(["transactioncurrency", "cdm_company", "account", "contact"], summary.Tables.Select(t => t.Table).OrderBy(OrderOf));
        Assert.All(summary.Tables, t => Assert.Equal(first.Count(t.Table), t.Rows));
        Assert.Equal(Ids(first, "account", "accountid"), Ids(second, "account", "accountid"));
        Assert.Equal(Ids(first, "contact", "contactid"), Ids(second, "contact", "contactid"));
        Assert.All(Ids(first, "account", "accountid"), id => Assert.Equal(4, id.Version));
    }

    private static int OrderOf(string table) => Array.IndexOf(["transactioncurrency", "cdm_company", "account", "contact"], table);

    private static Guid[] Ids(TempEnvironment environment, string table, string field) =>
        environment.All(table).Select(r => (Guid)r.Values[field]!).ToArray();

    private static async Task<TempEnvironment> SeededAsync()
    {
        var environment = new TempEnvironment("dataverse");
        try
        {
            await DataverseDemoData.SeedAsync(environment.Store, TempEnvironment.Actor);
            return environment;
        }
        catch
        {
            environment.Dispose();
            throw;
        }
    }
}
