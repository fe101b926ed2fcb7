using System.Globalization;

namespace DualWrite.Environments.Demo;

/// <summary>One demo legal entity: its head office, and how its customer and vendor accounts are numbered.</summary>
/// <param name="Index">Position among the demo companies; keeps party numbers and random draws apart per company.</param>
internal sealed record DemoCompany(
    int Index,
    string Id,
    string Name,
    DemoCountry Country,
    string Street,
    DemoCity City,
    string ZipCode,
    string CustomerPrefix,
    string VendorPrefix)
{
    public static IReadOnlyList<DemoCompany> All { get; } =
    [
        new(1, "usmf", "Contoso Entertainment System USA", DemoCountry.UnitedStates, "123 Coffee Street", DemoCountry.UnitedStates.Cities[0], "98052", "US-", "US-V"),
        new(2, "gbsi", "Contoso Entertainment System UK", DemoCountry.UnitedKingdom, "7 Lime Street", DemoCountry.UnitedKingdom.Cities[0], "EC3M 7AF", "GB-", "GB-V"),
        new(3, "dat", "Company accounts data", DemoCountry.UnitedStates, "1 Microsoft Way", DemoCountry.UnitedStates.Cities[0], "98052", "DAT-", "DAT-V"),
    ];

    public string PartyNumber => (Index * 100000).ToString("D9", CultureInfo.InvariantCulture);
}
