using System.Globalization;
using CsvHelper;

namespace DualWrite.Bench.Bootstrap;

/// <summary>
/// A data-management export of organisation customers as F&amp;O writes one: a header of upper-case field names,
/// <c>DATAAREAID</c> among them, a column the map does not use, names with commas (so quoted), <c>Yes</c>/<c>No</c>
/// and enum names. Customers are dealt round the companies; one in twenty is invoiced through the same company's
/// customer a few rows earlier, so the load also meets lookups to the table it fills.
/// </summary>
internal static class CustomerFile
{
    private const int BilledThroughEvery = 20;
    private const int BilledThroughDistance = 7;

    private static readonly string[] Header =
    [
        "CUSTOMERACCOUNT", "DATAAREAID", "PARTYTYPE", "PARTYNUMBER", "ORGANIZATIONNAME", "ORGANIZATIONNUMBEROFEMPLOYEES", "CUSTOMERGROUPID",
        "SALESCURRENCYCODE", "PAYMENTTERMS", "INVOICEACCOUNT", "CREDITLIMIT", "CREDITLIMITISMANDATORY", "ONHOLDSTATUS", "ISONETIMECUSTOMER",
        "PRIMARYCONTACTEMAIL", "PRIMARYCONTACTPHONE", "DELIVERYADDRESSSTREET", "DELIVERYADDRESSCITY", "DELIVERYADDRESSZIPCODE",
        "DELIVERYADDRESSCOUNTRYREGIONISOCODE", "FULLPRIMARYADDRESS",
    ];

    private static readonly string[] Groups = ["10", "20", "30", "80", "90"];
    private static readonly string[] Terms = ["Net10", "Net30", "Net45", "Net60"];
    private static readonly Dictionary<string, (string Currency, string Country, string City)> Places = new(StringComparer.Ordinal)
    {
        ["usmf"] = ("USD", "USA", "Redmond"),
        ["gbsi"] = ("GBP", "GBR", "London"),
        ["dat"] = ("EUR", "DEU", "Berlin"),
    };

    public static async Task WriteAsync(string path, int customers, IReadOnlyList<string> companies, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default with { WriteByteOrderMark = true }, FileOptions.Asynchronous);
        csv.WriteHeader(Header);
        for (var index = 0; index < customers; index++)
        {
            var company = companies[index % companies.Count];
            var position = index / companies.Count;
            var place = Places[company];
            var number = Number(index);
            var street = $"{1 + (index % 900)} Main Street";
            var invoiced = position % BilledThroughEvery == BilledThroughEvery - 1 && position >= BilledThroughDistance
                ? Account(index - (companies.Count * BilledThroughDistance))
                : string.Empty;
            await csv.WriteRecordAsync(
            [
                Account(index), company.ToUpperInvariant(), "Organization", "BP-" + number, $"Customer {number}, Ltd.",
                (10 + (index % 490)).ToString(CultureInfo.InvariantCulture), Groups[index % Groups.Length], place.Currency, Terms[index % Terms.Length],
                invoiced, (1000 + (index % 50) * 250).ToString(CultureInfo.InvariantCulture) + ".00", index % 3 == 0 ? "Yes" : "No", "No", "No",
                $"ap{number}@example.com", $"+1 555 {index % 10_000:D4}", street, place.City, (10_000 + (index % 89_999)).ToString(CultureInfo.InvariantCulture),
                place.Country, $"{street}, {place.City}",
            ], cancellationToken);
        }
    }

    public static string Account(int index) => "BN-" + Number(index);

    private static string Number(int index) => (index + 1).ToString("D7", CultureInfo.InvariantCulture);
}
