using System.Globalization;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Dataverse;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Demo;

/// <summary>
/// Demo data for a Dataverse environment as a CRM that predates any link keeps it: currencies, accounts and
/// contacts of its own, half of them with no company. The companies a link brings (<c>usmf</c>, <c>gbsi</c>,
/// <c>dat</c>) are left to the link to create.
/// </summary>
/// <remarks>
/// The other half belong to <see cref="CrmCompanyCode"/>, a company the CRM knew before the link and that the
/// F&amp;O demo does not have, so rows with a company exist without taking a linked company's row from the link.
/// Everything goes in one transaction: the data is there whole or not at all, and a second start finds it.
/// </remarks>
internal static class DataverseDemoData
{
    public const string CrmCompanyCode = "demf";

    public const int AccountCount = 40;

    public const int ContactCount = 30;

    /// <summary>How many contacts work for an account; the rest stand alone.</summary>
    public const int LinkedContactCount = 20;

    private const int Seed = 20240611;

    private static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(30);

    private static readonly (string Code, string Name, string Symbol, decimal Rate)[] Currencies =
    [
        ("USD", "US Dollar", "$", 1.0m),
        ("GBP", "Pound Sterling", "£", 0.79m),
        ("EUR", "Euro", "€", 0.92m),
    ];

    /// <summary>Subsidiaries and the accounts they report to.</summary>
    private static readonly Dictionary<string, string> ParentAccounts = new(StringComparer.Ordinal)
    {
        ["Wingtip Toys Europe"] = "Wingtip Toys",
        ["Fabrikam Residences"] = "Fabrikam, Inc.",
        ["Northwind Traders Deutschland"] = "Northwind Traders",
    };

    private static readonly string[] Descriptions =
    [
        "Key account since 2015.",
        "Met at the spring trade show; follow up on home cinema range.",
        "Prefers e-mail; no calls before 10am.",
        "Orders peak in the fourth quarter.",
        "Reseller in the north region.",
    ];

    /// <summary>
    /// Account numbers that no-company CRM accounts share with F&amp;O demo customers, under other names, so the
    /// first sync after they get a company has conflicts to settle.
    /// </summary>
    public static IReadOnlyList<string> CollidingAccountNumbers { get; } =
        ["US-001", "US-002", "US-003", "GB-001", "GB-002", "DAT-001", "DAT-002", "C-0001"];

    public static async Task<DemoDataSummary> SeedAsync(EnvironmentStore store, WriteActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        var schema = store.Schema;
        var tally = new DemoTally();
        var currencyTable = schema.GetTable("transactioncurrency");
        await using var transaction = await store.BeginWriteAsync(actor, WriteWait, cancellationToken);
        if (transaction.FindBy(currencyTable, ["isocurrencycode"], ["USD"]) is not null)
        {
            return tally.ToSummary(schema);
        }

        // Ids come from a generator of their own so that changing how values are drawn leaves every id as it was.
        var ids = new Random(Seed);
        var random = new Random(Seed + 1);
        var currencies = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var currency in Currencies)
        {
            currencies[currency.Code] = ids.NextGuid();
            tally.Insert(transaction, currencyTable, new Row
            {
                ["transactioncurrencyid"] = currencies[currency.Code],
                ["isocurrencycode"] = currency.Code,
                ["currencyname"] = currency.Name,
                ["currencysymbol"] = currency.Symbol,
                ["exchangerate"] = currency.Rate,
                ["currencyprecision"] = 2L,
            });
        }

        var companyId = ids.NextGuid();
        tally.Insert(transaction, schema.GetTable("cdm_company"), new Row
        {
            ["cdm_companyid"] = companyId,
            ["cdm_companycode"] = CrmCompanyCode,
            ["cdm_name"] = "Contoso Entertainment System Germany",
        });

        var accounts = SeedAccounts(transaction, tally, companyId, currencies, ids, random);
        SeedContacts(transaction, tally, accounts, currencies, ids, random);
        transaction.Commit();
        return tally.ToSummary(schema);
    }

    private static List<DemoAccount> SeedAccounts(
        WriteTransaction transaction,
        DemoTally tally,
        Guid companyId,
        Dictionary<string, Guid> currencies,
        Random ids,
        Random random)
    {
        var table = transaction.Schema.GetTable("account");
        var accounts = new List<DemoAccount>(AccountCount);
        for (var i = 0; i < AccountCount; i++)
        {
            var hasCompany = i % 2 == 1;
            var number = AccountNumber(i / 2, hasCompany);
            var country = hasCompany ? DemoCountry.Germany
                : number is not null && number.StartsWith("GB-", StringComparison.Ordinal) ? DemoCountry.UnitedKingdom
                : number is not null && CollidingAccountNumbers.Contains(number) ? DemoCountry.UnitedStates
                : i % 3 == 2 ? DemoCountry.UnitedKingdom : DemoCountry.UnitedStates;
            var name = DemoNames.CrmAccountNames[i];
            var domain = DemoNames.Slug(name) + ".example.com";
            var city = random.Pick(country.Cities);
            Guid? parent = ParentAccounts.TryGetValue(name, out var parentName) ? accounts.Single(a => a.Name == parentName).Id : null;
            var row = new Row
            {
                ["accountid"] = ids.NextGuid(),
                ["name"] = name,
                ["accountnumber"] = number,
                ["msdyn_company"] = hasCompany ? companyId : null,
                ["description"] = random.Chance(0.3) ? random.Pick(Descriptions) : null,
                ["customertypecode"] = Member(table, "customertypecode", CustomerType(random)),
                ["numberofemployees"] = (long)random.Next(10, 5_001),
                ["creditlimit"] = random.Amount(0, 200_000, 5_000),
                ["transactioncurrencyid"] = currencies[country.CurrencyCode],
                ["parentaccountid"] = parent,
                ["telephone1"] = DemoCountry.Phone(city, random),
                ["emailaddress1"] = "info@" + domain,
                ["websiteurl"] = "https://www." + domain,
                ["address1_line1"] = country.Street(random),
                ["address1_city"] = city.Name,
                ["address1_stateorprovince"] = city.State,
                ["address1_postalcode"] = country.PostalCode(city, random),
                ["address1_country"] = country.Name,
                ["address1_latitude"] = random.Near(city.Latitude, 5),
                ["address1_longitude"] = random.Near(city.Longitude, 5),
                ["address1_addresstypecode"] = Member(table, "address1_addresstypecode", "Primary"),
            };
            accounts.Add(new DemoAccount(tally.Insert(transaction, table, row), name, domain, country, city));
        }

        return accounts;
    }

    private static void SeedContacts(
        WriteTransaction transaction,
        DemoTally tally,
        List<DemoAccount> accounts,
        Dictionary<string, Guid> currencies,
        Random ids,
        Random random)
    {
        var table = transaction.Schema.GetTable("contact");
        var accountTable = transaction.Schema.GetTable("account");
        var primaryContacts = new Dictionary<Guid, Guid>();
        for (var j = 0; j < ContactCount; j++)
        {
            // Stepping by 7 through 40 accounts visits each at most once and mixes accounts with and without a company.
            var account = j < LinkedContactCount ? accounts[j * 7 % accounts.Count] : null;
            var country = account?.Country ?? (j % 2 == 0 ? DemoCountry.UnitedStates : DemoCountry.UnitedKingdom);
            var city = account?.City ?? random.Pick(country.Cities);
            var female = random.Chance(0.5);
            var first = random.Pick(female ? DemoNames.FemaleFirstNames : DemoNames.MaleFirstNames);
            var last = random.Pick(DemoNames.LastNames);
            var mailbox = $"{DemoNames.Slug(first)}.{DemoNames.Slug(last)}";
            var id = ids.NextGuid();
            var contact = new Row
            {
                ["contactid"] = id,
                ["firstname"] = first,
                ["middlename"] = random.Chance(0.15) ? random.Pick(DemoNames.MiddleInitials) : null,
                ["lastname"] = last,
                ["jobtitle"] = account is null ? null : random.Pick(DemoNames.JobTitles),
                ["emailaddress1"] = account is null
                    ? string.Create(CultureInfo.InvariantCulture, $"{mailbox}{random.Next(1, 100)}@example.com")
                    : $"{mailbox}@{account.Domain}",
                ["telephone1"] = DemoCountry.Phone(city, random),
                ["mobilephone"] = random.Chance(0.5) ? DemoCountry.Phone(random.Pick(country.Cities), random) : null,
                ["parentcustomerid"] = account?.Id,
                ["msdyn_company"] = account?.Row.Values["msdyn_company"],
                ["gendercode"] = Member(table, "gendercode", female ? "Female" : "Male"),
                ["familystatuscode"] = random.Chance(0.4) ? Member(table, "familystatuscode", random.Pick(["Single", "Married"])) : null,
                ["transactioncurrencyid"] = currencies[country.CurrencyCode],
                ["address1_line1"] = country.Street(random),
                ["address1_city"] = city.Name,
                ["address1_stateorprovince"] = city.State,
                ["address1_postalcode"] = country.PostalCode(city, random),
                ["address1_country"] = country.Name,
                ["address1_latitude"] = random.Near(city.Latitude, 5),
                ["address1_longitude"] = random.Near(city.Longitude, 5),
                ["address1_addresstypecode"] = Member(table, "address1_addresstypecode", "Primary"),
            };
            tally.Insert(transaction, table, contact, ComposedColumns.For(table, contact, null));
            if (account is not null)
            {
                primaryContacts.TryAdd(account.Id, id);
            }
        }

        // The contact has to exist before an account can name it, so primary contacts are set once all contacts are in.
        foreach (var account in accounts.Where(a => primaryContacts.ContainsKey(a.Id)))
        {
            transaction.Update(accountTable, account.Row, new Row { ["primarycontactid"] = primaryContacts[account.Id] });
        }
    }

    /// <summary>
    /// For the <paramref name="k"/>th account of its half: no-company accounts start with numbers F&amp;O customers
    /// also have and end with two that have none, as CRMs hold accounts nobody numbered.
    /// </summary>
    private static string? AccountNumber(int k, bool hasCompany)
    {
        if (hasCompany)
        {
            // The same numbers in another company are other accounts, not conflicts.
            return k switch
            {
                0 => "C-0001",
                1 => "US-001",
                _ => "DE-" + (k - 1).ToString("D3", CultureInfo.InvariantCulture),
            };
        }

        if (k < CollidingAccountNumbers.Count)
        {
            return CollidingAccountNumbers[k];
        }

        return k >= (AccountCount / 2) - 2 ? null : "ACC-" + (1000 + k).ToString(CultureInfo.InvariantCulture);
    }

    private static string CustomerType(Random random) => random.Next(100) switch
    {
        < 65 => "Customer",
        < 80 => "Prospect",
        < 90 => "Partner",
        _ => "Reseller",
    };

    private static int Member(TableSchema table, string field, string member) =>
        table.GetField(field).Enum?.FindByName(member)?.Value
            ?? throw new InvalidOperationException($"{table.Name}.{field} has no option '{member}'");
}
