using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Tests.FinOps;

public sealed class FinOpsReadTests(DemoFinOps finOps) : IClassFixture<DemoFinOps>
{
    private const string Customers = "CustomersV3";
    private const string PersonFilter = "PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Person'";

    // F&O compares keys without regard to case, and the demo keys hold no characters that fold differently.
    private static readonly IComparer<string> KeyOrder = StringComparer.OrdinalIgnoreCase;

    [Fact]
    public async Task Pages_across_companies_hold_every_customer_once_in_key_order()
    {
        var pages = await finOps.Client.ReadAllPagesAsync(Customers, new FinOpsQuery { PageSize = 100 });

        var keys = pages.SelectMany(p => p).Select(Rows.CustomerKey).ToArray();
        Assert.Equal(3 * DemoFinOps.CustomersPerCompany, keys.Length);
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(keys.Order(KeyOrder), keys);
        Assert.Equal(9, pages.Count);
        Assert.All(pages, p => Assert.Equal(100, p.Count));
        Assert.Equal(DemoFinOps.Companies, pages.SelectMany(p => p).Select(r => (string)r["dataAreaId"]!).Distinct());
    }

    [Theory]
    [InlineData("usmf")]
    [InlineData("gbsi")]
    [InlineData("dat")]
    public async Task Pages_of_one_company_hold_its_customers_once_in_key_order(string company)
    {
        var pages = await finOps.Client.ReadAllPagesAsync(Customers, new FinOpsQuery { Company = company, PageSize = 70 });

        var rows = pages.SelectMany(p => p).ToArray();
        Assert.Equal(DemoFinOps.CustomersPerCompany, rows.Length);
        Assert.All(rows, r => Assert.Equal(company, r["dataAreaId"]));
        var accounts = rows.Select(r => (string)r["CustomerAccount"]!).ToArray();
        Assert.Equal(accounts.Length, accounts.Distinct().Count());
        Assert.Equal(accounts.Order(KeyOrder), accounts);
        Assert.Equal([70, 70, 70, 70, 20], pages.Select(p => p.Count));
    }

    [Fact]
    public async Task A_filter_narrows_the_company_and_never_widens_it()
    {
        var all = (await finOps.Client.ReadAllPagesAsync(Customers, new FinOpsQuery { Company = "usmf" })).SelectMany(p => p).ToArray();

        // An "or" in the filter would let rows of other companies in, were it not kept inside parentheses.
        var filter = $"{PersonFilter} or CustomerGroupId eq '20'";
        var filtered = (await finOps.Client.ReadAllPagesAsync(Customers, new FinOpsQuery { Company = "usmf", Filter = filter, PageSize = 10 }))
            .SelectMany(p => p).ToArray();

        var expected = all.Where(r => (int)r["PartyType"]! == 1 || (string?)r["CustomerGroupId"] == "20").Select(Rows.CustomerKey);
        Assert.NotEmpty(filtered);
        Assert.Equal(expected, filtered.Select(Rows.CustomerKey));
    }

    [Fact]
    public async Task Select_and_order_by_are_honoured_across_pages()
    {
        var query = new FinOpsQuery
        {
            Company = "gbsi",
            Select = ["dataAreaId", "CustomerAccount", "CreditLimit"],
            OrderBy = ["CreditLimit desc", "CustomerAccount"],
            PageSize = 40,
        };

        var rows = (await finOps.Client.ReadAllPagesAsync(Customers, query)).SelectMany(p => p).ToArray();

        Assert.Equal(DemoFinOps.CustomersPerCompany, rows.Length);
        Assert.All(rows, r => Assert.Equal(["dataAreaId", "CustomerAccount", "CreditLimit"], r.Fields));
        var limits = rows.Select(r => (decimal?)r["CreditLimit"] ?? 0m).ToArray();
        Assert.Equal(limits.OrderDescending(), limits);
        Assert.Equal(rows.Length, rows.Select(Rows.CustomerKey).Distinct().Count());
    }

    [Fact]
    public async Task Values_come_typed_as_the_schema_says()
    {
        var terms = (await finOps.Client.ReadAllPagesAsync("PaymentTerms", new FinOpsQuery { Company = "usmf" }))
            .SelectMany(p => p).ToDictionary(r => (string)r["Name"]!);
        Assert.Equal(30L, terms["Net30"]["NumberOfDays"]);
        Assert.Equal(0, terms["Net30"]["PaymentMethodType"]);
        Assert.Equal(5, terms["COD"]["PaymentMethodType"]);
        Assert.Equal(1, terms["COD"]["IsCashPayment"]);
        Assert.Equal(1, terms["Net30"]["IsDefaultPaymentTerm"]);

        var euro = await finOps.Client.ReadAsync("Currencies", RowKey.Of(("CurrencyCode", "EUR")), CancellationToken.None);
        Assert.NotNull(euro);
        Assert.Equal(0.01m, euro["GeneralRoundingRule"]);
        Assert.Equal(1, euro["ReferenceCurrencyForTriangulation"]);

        var customer = await finOps.Client.ReadAsync(Customers, Rows.Customer("usmf", "US-001"), CancellationToken.None);
        Assert.NotNull(customer);
        Assert.IsType<decimal>(customer["CreditLimit"]);
        Assert.IsType<decimal>(customer["AddressLatitude"]);
        Assert.IsType<int>(customer["PartyType"]);
        Assert.IsType<int>(customer["OnHoldStatus"]);
        Assert.IsType<string>(customer["CustomerGroupId"]);
    }

    [Fact]
    public async Task A_row_is_read_by_its_full_key_in_any_company()
    {
        var fromPages = (await finOps.Client.ReadAllPagesAsync(Customers, new FinOpsQuery { Company = "gbsi", Filter = "CustomerAccount eq 'GB-007'" }))
            .Single().Single();

        var byKey = await finOps.Client.ReadAsync(Customers, Rows.Customer("gbsi", "GB-007"), CancellationToken.None);

        Assert.NotNull(byKey);
        Assert.Equal(fromPages.OrderBy(f => f.Key), byKey.OrderBy(f => f.Key));
    }

    [Fact]
    public async Task A_missing_row_is_null()
    {
        Assert.Null(await finOps.Client.ReadAsync(Customers, Rows.Customer("usmf", "NO-SUCH"), CancellationToken.None));
        Assert.Null(await finOps.Client.ReadAsync(Customers, Rows.Customer("gbsi", "US-001"), CancellationToken.None));
        Assert.Null(await finOps.Client.ReadAsync(Customers, Rows.Customer("usmf", "O'Neil / 50% #1?"), CancellationToken.None));
    }

    [Fact]
    public async Task A_key_without_every_key_field_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            finOps.Client.ReadAsync(Customers, RowKey.Of(("CustomerAccount", "US-001")), CancellationToken.None));

        Assert.Contains("dataAreaId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_are_per_company_or_across_companies()
    {
        Assert.Equal(3 * DemoFinOps.CustomersPerCompany, await finOps.Client.CountAsync(Customers, null, CancellationToken.None));
        Assert.Equal(DemoFinOps.CustomersPerCompany, await finOps.Client.CountAsync(Customers, "usmf", CancellationToken.None));
        Assert.Equal(0, await finOps.Client.CountAsync(Customers, "none", CancellationToken.None));
        Assert.Equal(3, await finOps.Client.CountAsync("LegalEntities", null, CancellationToken.None));
    }

    [Fact]
    public async Task Companies_exist_or_not()
    {
        Assert.True(await finOps.Client.CompanyExistsAsync("usmf", CancellationToken.None));
        Assert.True(await finOps.Client.CompanyExistsAsync("USMF", CancellationToken.None));
        Assert.True(await finOps.Client.CompanyExistsAsync("dat", CancellationToken.None));
        Assert.False(await finOps.Client.CompanyExistsAsync("zz", CancellationToken.None));
        Assert.False(await finOps.Client.CompanyExistsAsync("a'b", CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_query_names_the_entity_and_gives_the_services_message()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            finOps.Client.ReadAllPagesAsync(Customers, new FinOpsQuery { Company = "usmf", Filter = "NoSuchField eq 1" }));

        Assert.Equal(400, error.Status);
        Assert.StartsWith("Reading CustomersV3 of company 'usmf'", error.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchField", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entity_the_schema_does_not_know_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => finOps.Client.CountAsync("NoSuchEntities", null, CancellationToken.None));
    }

    [Fact]
    public async Task The_entity_key_comes_from_the_metadata()
    {
        Assert.Equal(["dataAreaId", "CustomerAccount"], await finOps.Client.ReadEntityKeyAsync(Customers, CancellationToken.None));
        Assert.Equal(["dataAreaId", "Name"], await finOps.Client.ReadEntityKeyAsync("PaymentTerms", CancellationToken.None));
        Assert.Equal(["LegalEntityId"], await finOps.Client.ReadEntityKeyAsync("LegalEntities", CancellationToken.None));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => finOps.Client.ReadEntityKeyAsync("NoSuchEntities", CancellationToken.None));
        Assert.Contains("NoSuchEntities", error.Message, StringComparison.Ordinal);
    }
}
