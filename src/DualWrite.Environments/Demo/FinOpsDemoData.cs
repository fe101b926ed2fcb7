using System.Globalization;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Demo;

/// <summary>
/// Demo data for an F&amp;O environment: the legal entities <c>usmf</c>, <c>gbsi</c> and <c>dat</c>, currencies, and
/// per company payment terms, customer and vendor groups, customers and vendors.
/// </summary>
/// <remarks>
/// Each company goes in one transaction together with its legal entity row, so a company is there whole or
/// not at all, and a second start of a persistent environment adds only what a first start did not finish.
/// Values come from a generator seeded per company, so they do not depend on which companies already exist.
/// </remarks>
internal static class FinOpsDemoData
{
    /// <summary>
    /// Customer accounts numbered from a sequence every demo company shares, so each company has its own
    /// <c>C-0001</c>: same number, different accounts.
    /// </summary>
    public const string SharedCustomerPrefix = "C-";

    /// <summary>Vendor accounts every demo company has under the same number.</summary>
    public const string SharedVendorPrefix = "V-";

    private const int SharedAccounts = 5;
    private const int Seed = 20240610;

    private static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(30);

    private static readonly (string Code, string Name, string Symbol, bool Triangulation)[] Currencies =
    [
        ("USD", "US Dollar", "$", false),
        ("GBP", "Pound Sterling", "£", false),
        ("EUR", "Euro", "€", true),
        ("CAD", "Canadian Dollar", "$", false),
        ("DKK", "Danish Krone", "kr", false),
    ];

    private static readonly (string Name, string Description, string Method, long Days, long Months)[] PaymentTerms =
    [
        ("Net10", "Net 10 days", "Net", 10, 0),
        ("Net30", "Net 30 days", "Net", 30, 0),
        ("Net45", "Net 45 days", "Net", 45, 0),
        ("Net60", "Net 60 days", "Net", 60, 0),
        ("COD", "Cash on delivery", "COD", 0, 0),
        ("CurMth+15", "Current month plus 15 days", "CurrentMth", 15, 0),
        ("2Months", "Net two months", "Net", 0, 2),
    ];

    private static readonly (string Id, string Description, string PaymentTerm)[] CustomerGroups =
    [
        ("10", "Wholesale customers", "Net30"),
        ("20", "Major customers", "Net45"),
        ("30", "Retail customers", "Net10"),
        ("80", "Other customers", "Net30"),
        ("90", "Internet customers", "COD"),
    ];

    private static readonly (string Id, string Description, string PaymentTerm)[] VendorGroups =
    [
        ("10", "Parts suppliers", "Net30"),
        ("20", "Service providers", "Net45"),
        ("30", "Freight carriers", "Net10"),
        ("80", "Other vendors", "Net30"),
    ];

    private static readonly string[] CreditRatings = ["AAA", "AA", "A", "BBB", "BB", "B"];

    private static readonly string[] Mailboxes = ["info", "sales", "accounts", "purchasing", "orders"];

    public static IReadOnlyList<string> CompanyIds { get; } = DemoCompany.All.Select(c => c.Id).ToArray();

    /// <summary>How many vendors each company gets for a number of customers.</summary>
    public static int VendorsPerCompany(int customersPerCompany) => customersPerCompany / 3;

    /// <summary>Adds what is missing of the demo data and says what it added.</summary>
    /// <param name="customersPerCompany">Customers in each company; each company also gets a third as many vendors.</param>
    public static async Task<DemoDataSummary> SeedAsync(
        EnvironmentStore store,
        WriteActor actor,
        int customersPerCompany = 300,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfNegative(customersPerCompany);

        // Customers and vendors share the company's block of 100,000 party numbers, vendors from 50,001 on.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(customersPerCompany, 49_999);
        var tally = new DemoTally();
        await SeedCurrenciesAsync(store, actor, tally, cancellationToken);
        foreach (var company in DemoCompany.All)
        {
            await SeedCompanyAsync(store, actor, company, customersPerCompany, tally, cancellationToken);
        }

        return tally.ToSummary(store.Schema);
    }

    private static async Task SeedCurrenciesAsync(EnvironmentStore store, WriteActor actor, DemoTally tally, CancellationToken cancellationToken)
    {
        var table = store.Schema.GetTable("Currencies");
        await using var transaction = await store.BeginWriteAsync(actor, WriteWait, cancellationToken);
        foreach (var currency in Currencies)
        {
            if (transaction.FindBy(table, table.Key, [currency.Code]) is not null)
            {
                continue;
            }

            tally.Insert(transaction, table, new Row
            {
                ["CurrencyCode"] = currency.Code,
                ["Name"] = currency.Name,
                ["Symbol"] = currency.Symbol,
                ["GeneralRoundingRule"] = 0.01m,
                ["RoundingRulePrices"] = 0.01m,
                ["RoundingRuleSalesOrders"] = 0.01m,
                ["RoundingRulePurchaseOrders"] = 0.01m,
                ["ReferenceCurrencyForTriangulation"] = NoYes(currency.Triangulation),
            });
        }

        transaction.Commit();
    }

    private static async Task SeedCompanyAsync(
        EnvironmentStore store,
        WriteActor actor,
        DemoCompany company,
        int customers,
        DemoTally tally,
        CancellationToken cancellationToken)
    {
        var legalEntities = store.Schema.GetTable("LegalEntities");
        await using var transaction = await store.BeginWriteAsync(actor, WriteWait, cancellationToken);
        if (transaction.FindBy(legalEntities, legalEntities.Key, [company.Id]) is not null)
        {
            return;
        }

        tally.Insert(transaction, legalEntities, new Row
        {
            ["LegalEntityId"] = company.Id,
            ["Name"] = company.Name,
            ["NameAlias"] = company.Id.ToUpperInvariant(),
            ["PartyNumber"] = company.PartyNumber,
            ["LanguageId"] = company.Country.LanguageId,
            ["AddressStreet"] = company.Street,
            ["AddressCity"] = company.City.Name,
            ["AddressState"] = company.City.State,
            ["AddressZipCode"] = company.ZipCode,
            ["AddressCountryRegionId"] = company.Country.RegionId,
        });
        SeedPaymentTerms(transaction, tally, company);
        SeedGroups(transaction, tally, company);
        var random = new Random(Seed + company.Index);
        SeedCustomers(transaction, tally, company, customers, random);
        if (transaction.Schema.FindTable("VendorsV2") is { } vendors)
        {
            SeedVendors(transaction, tally, vendors, company, VendorsPerCompany(customers), random);
        }

        transaction.Commit();
    }

    private static void SeedPaymentTerms(WriteTransaction transaction, DemoTally tally, DemoCompany company)
    {
        var table = transaction.Schema.GetTable("PaymentTerms");
        foreach (var term in PaymentTerms)
        {
            tally.Insert(transaction, table, new Row
            {
                ["dataAreaId"] = company.Id,
                ["Name"] = term.Name,
                ["Description"] = term.Description,
                ["PaymentMethodType"] = Member(table, "PaymentMethodType", term.Method),
                ["NumberOfDays"] = term.Days,
                ["NumberOfMonths"] = term.Months,
                ["CutOffDayOfMonth"] = 0L,
                ["IsCashPayment"] = NoYes(term.Method == "COD"),
                ["IsDefaultPaymentTerm"] = NoYes(term.Name == "Net30"),
                ["IsCertifiedCompanyCheck"] = NoYes(false),
            });
        }
    }

    private static void SeedGroups(WriteTransaction transaction, DemoTally tally, DemoCompany company)
    {
        var customerGroups = transaction.Schema.GetTable("CustomerGroups");
        foreach (var group in CustomerGroups)
        {
            tally.Insert(transaction, customerGroups, new Row
            {
                ["dataAreaId"] = company.Id,
                ["CustomerGroupId"] = group.Id,
                ["Description"] = group.Description,
                ["PaymentTermId"] = group.PaymentTerm,
                ["IsSalesTaxIncludedInPrice"] = NoYes(IncludesTax(company, group.Id)),
            });
        }

        if (transaction.Schema.FindTable("VendorGroups") is not { } vendorGroups)
        {
            return;
        }

        foreach (var group in VendorGroups)
        {
            tally.Insert(transaction, vendorGroups, new Row
            {
                ["dataAreaId"] = company.Id,
                ["VendorGroupId"] = group.Id,
                ["Description"] = group.Description,
                ["DefaultPaymentTermName"] = group.PaymentTerm,
            });
        }
    }

    private static void SeedCustomers(WriteTransaction transaction, DemoTally tally, DemoCompany company, int count, Random random)
    {
        var table = transaction.Schema.GetTable("CustomersV3");
        var country = company.Country;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var organizations = new List<string>();
        var accounts = AccountNumbers(company.CustomerPrefix, SharedCustomerPrefix, count);
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var isPerson = random.Chance(0.15);
            var group = isPerson ? (random.Chance(0.6) ? "30" : "90") : OrganizationGroup(random);
            var city = random.Pick(country.Cities);
            var row = new Row
            {
                ["dataAreaId"] = company.Id,
                ["CustomerAccount"] = account,
                ["PartyNumber"] = PartyNumber(company, 1 + i),
                ["CustomerGroupId"] = group,
                ["SalesCurrencyCode"] = random.Chance(0.9) ? country.CurrencyCode : ForeignCurrency(country, random),
                ["CreditLimit"] = CreditLimit(group, random),
                ["CreditLimitIsMandatory"] = NoYes(random.Chance(0.25)),
                ["OnHoldStatus"] = Member(table, "OnHoldStatus", OnHold(random)),
                ["IsOneTimeCustomer"] = NoYes(isPerson && random.Chance(0.1)),
                ["PaymentTerms"] = random.Chance(0.85) ? CustomerGroups.Single(g => g.Id == group).PaymentTerm : random.Pick(PaymentTerms).Name,
                ["IsSalesTaxIncludedInPrices"] = NoYes(IncludesTax(company, group)),
                ["LanguageId"] = country.LanguageId,
                ["PartyCountry"] = country.RegionId,
                ["PartyState"] = city.State,
                ["AddressDescription"] = isPerson ? "Home" : "Business",
                ["AddressStreet"] = country.Street(random),
                ["AddressCity"] = city.Name,
                ["AddressState"] = city.State,
                ["AddressZipCode"] = country.PostalCode(city, random),
                ["AddressCountryRegionId"] = country.RegionId,
                ["AddressCountryRegionISOCode"] = country.IsoCode,
                ["AddressLatitude"] = random.Near(city.Latitude, 6),
                ["AddressLongitude"] = random.Near(city.Longitude, 6),
                ["PrimaryContactPhone"] = DemoCountry.Phone(city, random),
            };
            if (isPerson)
            {
                var (first, last, gender) = PersonName(random);
                var middle = random.Chance(0.2) ? random.Pick(DemoNames.MiddleInitials) : null;
                row["PartyType"] = Member(table, "PartyType", "Person");
                row["OrganizationName"] = middle is null ? $"{first} {last}" : $"{first} {middle} {last}";
                row["NameAlias"] = last;
                row["PersonFirstName"] = first;
                row["PersonMiddleName"] = middle;
                row["PersonLastName"] = last;
                row["PersonGender"] = Member(table, "PersonGender", gender);
                row["PersonMaritalStatus"] = Member(table, "PersonMaritalStatus", random.Pick(["None", "Single", "Married"]));
                row["PersonProfessionalTitle"] = random.Chance(0.3) ? random.Pick(DemoNames.JobTitles) : null;
                row["PrimaryContactEmail"] = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{DemoNames.Slug(first)}.{DemoNames.Slug(last)}{random.Next(1, 100)}@example.com");
            }
            else
            {
                var name = UniqueName(names, () =>
                    $"{random.Pick(DemoNames.OrganizationWords)} {random.Pick(DemoNames.OrganizationNouns)} {random.Pick(country.CompanySuffixes)}");
                var domain = Domain(name, country);
                row["PartyType"] = Member(table, "PartyType", "Organization");
                row["OrganizationName"] = name;
                row["NameAlias"] = name.Split(' ')[0];
                row["OrganizationNumberOfEmployees"] = group == "20" ? (long)random.Next(500, 10_001) : random.Next(5, 501);
                row["CreditRating"] = random.Chance(0.7) ? random.Pick(CreditRatings) : null;
                row["PrimaryContactEmail"] = $"{random.Pick(Mailboxes)}@{domain}";
                row["PrimaryContactURL"] = random.Chance(0.7) ? $"https://www.{domain}" : null;

                // A few customers are billed through another customer of the company, as branches bill through a head office.
                row["InvoiceAccount"] = organizations.Count > 0 && random.Chance(0.05) ? random.Pick(organizations) : null;
                if (random.Chance(0.3))
                {
                    var delivery = random.Pick(country.Cities);
                    row["DeliveryAddressStreet"] = country.Street(random);
                    row["DeliveryAddressCity"] = delivery.Name;
                    row["DeliveryAddressState"] = delivery.State;
                    row["DeliveryAddressZipCode"] = country.PostalCode(delivery, random);
                    row["DeliveryAddressCountryRegionISOCode"] = country.IsoCode;
                }

                organizations.Add(account);
            }

            tally.Insert(transaction, table, row);
        }
    }

    private static void SeedVendors(WriteTransaction transaction, DemoTally tally, TableSchema table, DemoCompany company, int count, Random random)
    {
        var country = company.Country;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accounts = AccountNumbers(company.VendorPrefix, SharedVendorPrefix, count);
        for (var i = 0; i < accounts.Count; i++)
        {
            var group = random.Pick(VendorGroups);
            var city = random.Pick(country.Cities);
            var isPerson = random.Chance(0.1);
            var row = new Row
            {
                ["dataAreaId"] = company.Id,
                ["VendorAccountNumber"] = accounts[i],
                ["VendorPartyNumber"] = PartyNumber(company, 50_001 + i),
                ["VendorGroupId"] = group.Id,
                ["CurrencyCode"] = random.Chance(0.85) ? country.CurrencyCode : ForeignCurrency(country, random),
                ["DefaultPaymentTermsName"] = group.PaymentTerm,
                ["CreditLimit"] = random.Amount(0, 250_000, 5_000),
                ["OnHoldStatus"] = Member(table, "OnHoldStatus", OnHold(random)),
                ["IsOneTimeVendor"] = NoYes(random.Chance(0.03)),
                ["AddressStreet"] = country.Street(random),
                ["AddressCity"] = city.Name,
                ["AddressStateId"] = city.State,
                ["AddressZipCode"] = country.PostalCode(city, random),
                ["AddressCountryRegionId"] = country.RegionId,
                ["AddressLatitude"] = random.Near(city.Latitude, 6),
                ["AddressLongitude"] = random.Near(city.Longitude, 6),
                ["PrimaryPhoneNumber"] = DemoCountry.Phone(city, random),
            };
            if (isPerson)
            {
                var (first, last, _) = PersonName(random);
                row["VendorPartyType"] = Member(table, "VendorPartyType", "Person");
                row["VendorOrganizationName"] = $"{first} {last}";
                row["PersonFirstName"] = first;
                row["PersonLastName"] = last;
                row["PrimaryEmailAddress"] = $"{DemoNames.Slug(first)}.{DemoNames.Slug(last)}@example.com";
            }
            else
            {
                var name = UniqueName(names, () =>
                    $"{random.Pick(DemoNames.OrganizationWords)} {random.Pick(DemoNames.VendorNouns)} {random.Pick(country.CompanySuffixes)}");
                var domain = Domain(name, country);
                row["VendorPartyType"] = Member(table, "VendorPartyType", "Organization");
                row["VendorOrganizationName"] = name;
                row["CreditRating"] = random.Chance(0.6) ? random.Pick(CreditRatings) : null;
                row["PrimaryEmailAddress"] = $"{random.Pick(Mailboxes)}@{domain}";
                row["PrimaryURL"] = random.Chance(0.6) ? $"https://www.{domain}" : null;
            }

            tally.Insert(transaction, table, row);
        }
    }

    /// <summary>
    /// The company's own numbers (<c>US-001</c> on), ending with a few from the shared sequence
    /// (<c>C-0001</c> on) once there are enough accounts to spare some.
    /// </summary>
    private static List<string> AccountNumbers(string prefix, string sharedPrefix, int count)
    {
        var shared = Math.Min(SharedAccounts, count / 4);
        var numbers = new List<string>(count);
        for (var i = 1; i <= count - shared; i++)
        {
            numbers.Add(prefix + i.ToString("D3", CultureInfo.InvariantCulture));
        }

        for (var i = 1; i <= shared; i++)
        {
            numbers.Add(sharedPrefix + i.ToString("D4", CultureInfo.InvariantCulture));
        }

        return numbers;
    }

    private static string PartyNumber(DemoCompany company, int offset) =>
        ((company.Index * 100_000) + offset).ToString("D9", CultureInfo.InvariantCulture);

    private static string OrganizationGroup(Random random) => random.Next(100) switch
    {
        < 35 => "10",
        < 50 => "20",
        < 70 => "30",
        < 85 => "90",
        _ => "80",
    };

    private static decimal CreditLimit(string group, Random random) => group switch
    {
        "20" => random.Amount(100_000, 500_000, 10_000),
        "10" => random.Amount(20_000, 100_000, 5_000),
        "80" => random.Amount(5_000, 25_000, 1_000),
        _ => random.Amount(0, 5_000, 500),
    };

    private static string OnHold(Random random) => random.Next(100) switch
    {
        < 90 => "No",
        < 94 => "Invoice",
        < 97 => "Payment",
        _ => "All",
    };

    /// <summary>British retail prices are quoted with VAT; business prices and American prices are not.</summary>
    private static bool IncludesTax(DemoCompany company, string customerGroup) =>
        company.Country.IsoCode == "GB" && customerGroup is "30" or "90";

    private static string ForeignCurrency(DemoCountry country, Random random) =>
        random.Pick(Currencies.Select(c => c.Code).Where(c => c != country.CurrencyCode).ToArray());

    private static (string First, string Last, string Gender) PersonName(Random random)
    {
        var female = random.Chance(0.5);
        var first = random.Pick(female ? DemoNames.FemaleFirstNames : DemoNames.MaleFirstNames);
        return (first, random.Pick(DemoNames.LastNames), female ? "Female" : "Male");
    }

    /// <summary>A name no other row of the company has; after a few tries a number tells it apart.</summary>
    private static string UniqueName(HashSet<string> used, Func<string> next)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var name = next();
            if (used.Add(name))
            {
                return name;
            }
        }

        var numbered = string.Create(CultureInfo.InvariantCulture, $"{next()} {used.Count + 1}");
        used.Add(numbered);
        return numbered;
    }

    /// <summary>The web and mail domain of a company: its name without the legal form, as companies register them.</summary>
    private static string Domain(string name, DemoCountry country)
    {
        var suffix = country.CompanySuffixes.OrderByDescending(s => s.Length).FirstOrDefault(s => name.EndsWith(" " + s, StringComparison.Ordinal));
        return DemoNames.Slug(suffix is null ? name : name[..^(suffix.Length + 1)]) + ".example.com";
    }

    private static int NoYes(bool yes) => yes ? 1 : 0;

    private static int Member(TableSchema table, string field, string member) =>
        table.GetField(field).Enum?.FindByName(member)?.Value
            ?? throw new InvalidOperationException($"{table.Name}.{field} has no enum member '{member}'");
}
