using DualWrite.Core.Rows;
using DualWrite.Environments.Demo;

namespace DualWrite.Environments.Tests.Demo;

public sealed class FinOpsDemoDataTests(SeededFinOps seeded) : IClassFixture<SeededFinOps>
{
    private static readonly string[] Companies = ["usmf", "gbsi", "dat"];

    private TempEnvironment Environment => seeded.Environment;

    [Fact]
    public void The_three_legal_entities_are_there_with_their_names()
    {
        var names = Environment.All("LegalEntities").ToDictionary(r => (string)r.Values["LegalEntityId"]!, r => r.Values["Name"]);

        Assert.Equal(3, names.Count);
        Assert.Equal("Contoso Entertainment System USA", names["usmf"]);
        Assert.Equal("Contoso Entertainment System UK", names["gbsi"]);
        Assert.Equal("Company accounts data", names["dat"]);
    }

    [Fact]
    public void Five_currencies_have_names_and_symbols()
    {
        var currencies = Environment.All("Currencies").ToDictionary(r => (string)r.Values["CurrencyCode"]!, r => r.Values);

        Assert.Equal(["CAD", "DKK", "EUR", "GBP", "USD"], currencies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("£", currencies["GBP"]["Symbol"]);
        Assert.Equal("US Dollar", currencies["USD"]["Name"]);
        Assert.All(currencies.Values, c => Assert.False(string.IsNullOrEmpty((string?)c["Symbol"])));
    }

    [Theory]
    [InlineData("usmf")]
    [InlineData("gbsi")]
    [InlineData("dat")]
    public void Each_company_has_the_asked_number_of_customers_and_its_own_reference_data(string company)
    {
        var inCompany = $"dataAreaId eq '{company}'";

        Assert.Equal(300, Environment.Count("CustomersV3", inCompany));
        Assert.Equal(100, Environment.Count("VendorsV2", inCompany));
        Assert.Equal(7, Environment.Count("PaymentTerms", inCompany));
        Assert.Equal(5, Environment.Count("CustomerGroups", inCompany));
        Assert.Equal(4, Environment.Count("VendorGroups", inCompany));
        Assert.Equal(1, Environment.Count("PaymentTerms", $"{inCompany} and Name eq 'Net30'"));
        Assert.Equal(1, Environment.Count("CustomerGroups", $"{inCompany} and CustomerGroupId eq '90'"));
    }

    [Fact]
    public void The_summary_counts_what_the_tables_hold()
    {
        Assert.False(seeded.Summary.AlreadyPresent);
        foreach (var table in seeded.Summary.Tables)
        {
            Assert.Equal(Environment.Count(table.Table), table.Rows);
        }

        Assert.Equal(900, seeded.Summary.RowsOf("CustomersV3"));
        Assert.Equal(3, seeded.Summary.RowsOf("LegalEntities"));
        Assert.True(seeded.Summary.Total > 1_000);
        Assert.Contains("900 CustomersV3", seeded.Summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_customer_s_group_and_payment_terms_exist_in_the_customer_s_company()
    {
        var groups = Keys("CustomerGroups", "CustomerGroupId");
        var terms = Keys("PaymentTerms", "Name");

        var customers = Environment.All("CustomersV3");

        Assert.All(customers, c =>
        {
            var company = (string)c.Values["dataAreaId"]!;
            Assert.Contains((company, (string)c.Values["CustomerGroupId"]!), groups);
            Assert.Contains((company, (string)c.Values["PaymentTerms"]!), terms);
        });
    }

    [Fact]
    public void Every_group_s_payment_terms_and_every_vendor_s_group_exist_in_the_same_company()
    {
        var terms = Keys("PaymentTerms", "Name");
        var vendorGroups = Keys("VendorGroups", "VendorGroupId");

        Assert.All(Environment.All("CustomerGroups"), g => Assert.Contains(((string)g.Values["dataAreaId"]!, (string)g.Values["PaymentTermId"]!), terms));
        Assert.All(Environment.All("VendorGroups"), g => Assert.Contains(((string)g.Values["dataAreaId"]!, (string)g.Values["DefaultPaymentTermName"]!), terms));
        Assert.All(Environment.All("VendorsV2"), v =>
        {
            var company = (string)v.Values["dataAreaId"]!;
            Assert.Contains((company, (string)v.Values["VendorGroupId"]!), vendorGroups);
            Assert.Contains((company, (string)v.Values["DefaultPaymentTermsName"]!), terms);
        });
    }

    [Fact]
    public void Some_account_numbers_exist_in_more_than_one_company_as_different_customers()
    {
        var shared = Environment.All("CustomersV3")
            .GroupBy(c => (string)c.Values["CustomerAccount"]!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(c => (string)c.Values["dataAreaId"]!).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            .ToArray();

        Assert.NotEmpty(shared);
        var first = Assert.Single(shared, g => g.Key == FinOpsDemoData.SharedCustomerPrefix + "0001");
        Assert.Equal(Companies.Order(StringComparer.Ordinal), first.Select(c => (string)c.Values["dataAreaId"]!).Order(StringComparer.Ordinal));
        Assert.True(first.Select(c => c.Values["OrganizationName"]).Distinct().Count() > 1);
    }

    [Theory]
    [InlineData("usmf", "US-001", "USA", "US", "en-us")]
    [InlineData("gbsi", "GB-001", "GBR", "GB", "en-gb")]
    [InlineData("dat", "DAT-001", "USA", "US", "en-us")]
    public void Customers_are_numbered_and_addressed_in_their_company_s_country(string company, string firstAccount, string region, string iso, string language)
    {
        var customers = Environment.All("CustomersV3").Where(c => (string)c.Values["dataAreaId"]! == company).ToArray();

        Assert.Contains(customers, c => (string)c.Values["CustomerAccount"]! == firstAccount);
        Assert.All(customers, c =>
        {
            Assert.Equal(region, c.Values["AddressCountryRegionId"]);
            Assert.Equal(iso, c.Values["AddressCountryRegionISOCode"]);
            Assert.Equal(language, c.Values["LanguageId"]);
            Assert.False(string.IsNullOrEmpty((string?)c.Values["AddressCity"]));
            Assert.False(string.IsNullOrEmpty((string?)c.Values["AddressZipCode"]));
            Assert.False(string.IsNullOrEmpty((string?)c.Values["PrimaryContactPhone"]));
            Assert.Contains('@', (string)c.Values["PrimaryContactEmail"]!);
        });
    }

    [Fact]
    public void Most_customers_are_organizations_and_persons_carry_person_names()
    {
        var customers = Environment.All("CustomersV3");
        var persons = customers.Where(c => (int)c.Values["PartyType"]! == 1).ToArray();
        var organizations = customers.Where(c => (int)c.Values["PartyType"]! == 2).ToArray();

        Assert.Equal(customers.Count, persons.Length + organizations.Length);
        Assert.InRange(persons.Length, customers.Count / 20, customers.Count / 3);
        Assert.All(persons, p =>
        {
            Assert.NotNull(p.Values["PersonFirstName"]);
            Assert.NotNull(p.Values["PersonLastName"]);
            Assert.EndsWith((string)p.Values["PersonLastName"]!, (string)p.Values["OrganizationName"]!, StringComparison.Ordinal);
        });
        Assert.All(organizations, o =>
        {
            Assert.NotNull(o.Values["OrganizationName"]);
            Assert.Null(o.Values["PersonLastName"]);
        });
    }

    [Fact]
    public void Customers_vary_in_status_currency_and_credit()
    {
        var customers = Environment.All("CustomersV3");

        Assert.Contains(customers, c => (int)c.Values["OnHoldStatus"]! != 0);
        Assert.Contains(customers, c => (int)c.Values["IsOneTimeCustomer"]! == 1);
        Assert.Contains(customers, c => c.Values["SalesCurrencyCode"] is "EUR" or "CAD" or "DKK");
        Assert.Contains(customers, c => (decimal)c.Values["CreditLimit"]! >= 100_000m);
        Assert.True(customers.Count(c => (int)c.Values["OnHoldStatus"]! == 0) > customers.Count * 3 / 4);
    }

    [Fact]
    public void Invoice_accounts_are_customers_of_the_same_company()
    {
        var accounts = Keys("CustomersV3", "CustomerAccount");
        var billed = Environment.All("CustomersV3").Where(c => c.Values["InvoiceAccount"] is not null).ToArray();

        Assert.NotEmpty(billed);
        Assert.All(billed, c => Assert.Contains(((string)c.Values["dataAreaId"]!, (string)c.Values["InvoiceAccount"]!), accounts));
    }

    private HashSet<(string Company, string Id)> Keys(string table, string field) =>
        Environment.All(table).Select(r => ((string)r.Values["dataAreaId"]!, (string)r.Values[field]!)).ToHashSet();
}
