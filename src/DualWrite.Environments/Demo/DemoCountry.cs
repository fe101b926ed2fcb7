using System.Globalization;

namespace DualWrite.Environments.Demo;

/// <summary>
/// How addresses, phone numbers and company names look in one country. Phone numbers stay inside the ranges
/// each regulator keeps for fiction, so demo data never rings a real line.
/// </summary>
internal sealed record DemoCountry(
    string RegionId,
    string IsoCode,
    string Name,
    string CurrencyCode,
    string LanguageId,
    IReadOnlyList<DemoCity> Cities,
    IReadOnlyList<string> StreetNames,
    IReadOnlyList<string> CompanySuffixes)
{
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private static readonly string[] UnitedStatesStreetKinds = ["Street", "Avenue", "Boulevard", "Way", "Drive", "Road"];

    private static readonly string[] UnitedKingdomStreetKinds = ["Street", "Road", "Lane", "Way", "Square", "Place", "Gardens"];

    public static DemoCountry UnitedStates { get; } = new(
        "USA",
        "US",
        "United States",
        "USD",
        "en-us",
        [
            new("Redmond", "WA", ["98052", "98053"], 47.6740m, -122.1215m, "+1 425-555-01", 2),
            new("Seattle", "WA", ["98101", "98104", "98109"], 47.6062m, -122.3321m, "+1 206-555-01", 2),
            new("Portland", "OR", ["97201", "97205", "97209"], 45.5152m, -122.6784m, "+1 503-555-01", 2),
            new("San Francisco", "CA", ["94103", "94105", "94107"], 37.7749m, -122.4194m, "+1 415-555-01", 2),
            new("Los Angeles", "CA", ["90012", "90017", "90071"], 34.0522m, -118.2437m, "+1 213-555-01", 2),
            new("Denver", "CO", ["80202", "80205"], 39.7392m, -104.9903m, "+1 303-555-01", 2),
            new("Chicago", "IL", ["60601", "60603", "60606"], 41.8781m, -87.6298m, "+1 312-555-01", 2),
            new("Dallas", "TX", ["75201", "75202"], 32.7767m, -96.7970m, "+1 214-555-01", 2),
            new("Austin", "TX", ["78701", "78702"], 30.2672m, -97.7431m, "+1 512-555-01", 2),
            new("Atlanta", "GA", ["30303", "30308"], 33.7490m, -84.3880m, "+1 404-555-01", 2),
            new("Miami", "FL", ["33130", "33131"], 25.7617m, -80.1918m, "+1 305-555-01", 2),
            new("New York", "NY", ["10001", "10005", "10017"], 40.7506m, -73.9972m, "+1 212-555-01", 2),
            new("Boston", "MA", ["02108", "02110"], 42.3601m, -71.0589m, "+1 617-555-01", 2),
            new("Phoenix", "AZ", ["85004", "85012"], 33.4484m, -112.0740m, "+1 602-555-01", 2),
            new("Minneapolis", "MN", ["55401", "55402"], 44.9778m, -93.2650m, "+1 612-555-01", 2),
        ],
        ["Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Market", "Union", "Broadway", "Madison", "Jefferson", "Sunset"],
        ["Inc.", "LLC", "Corp.", "Co."]);

    public static DemoCountry UnitedKingdom { get; } = new(
        "GBR",
        "GB",
        "United Kingdom",
        "GBP",
        "en-gb",
        [
            new("London", null, ["EC1A", "EC2V", "SE1", "W1D", "N1", "E14"], 51.5074m, -0.1278m, "+44 20 7946 0", 3),
            new("Manchester", null, ["M1", "M2", "M3", "M4"], 53.4808m, -2.2426m, "+44 161 496 0", 3),
            new("Birmingham", null, ["B1", "B2", "B3", "B4"], 52.4862m, -1.8904m, "+44 121 496 0", 3),
            new("Leeds", null, ["LS1", "LS2", "LS11"], 53.8008m, -1.5491m, "+44 113 496 0", 3),
            new("Sheffield", null, ["S1", "S2", "S3"], 53.3811m, -1.4701m, "+44 114 496 0", 3),
            new("Bristol", null, ["BS1", "BS2", "BS8"], 51.4545m, -2.5879m, "+44 117 496 0", 3),
            new("Reading", null, ["RG1", "RG2"], 51.4543m, -0.9781m, "+44 118 496 0", 3),
            new("Nottingham", null, ["NG1", "NG2", "NG7"], 52.9548m, -1.1581m, "+44 115 496 0", 3),
            new("Liverpool", null, ["L1", "L2", "L3"], 53.4084m, -2.9916m, "+44 151 496 0", 3),
            new("Edinburgh", null, ["EH1", "EH2", "EH3"], 55.9533m, -3.1883m, "+44 131 496 0", 3),
            new("Glasgow", null, ["G1", "G2", "G3"], 55.8642m, -4.2518m, "+44 141 496 0", 3),
            new("Newcastle upon Tyne", null, ["NE1", "NE2"], 54.9783m, -1.6178m, "+44 191 498 0", 3),
            new("Cardiff", null, ["CF10", "CF11", "CF24"], 51.4816m, -3.1791m, "+44 29 2018 0", 3),
        ],
        ["High", "Station", "Church", "Victoria", "Mill", "Park", "King", "Queen", "Bridge", "London", "Castle", "Albert", "York", "Market", "Manor", "Chapel"],
        ["Ltd", "Limited", "plc", "& Co. Ltd"]);

    public static DemoCountry Germany { get; } = new(
        "DEU",
        "DE",
        "Germany",
        "EUR",
        "de",
        [
            new("Berlin", null, ["10115", "10117", "10178", "10969"], 52.5200m, 13.4050m, "+49 30 23125 ", 3),
            new("Frankfurt am Main", null, ["60311", "60313", "60329"], 50.1109m, 8.6821m, "+49 69 90009 ", 3),
            new("Hamburg", null, ["20095", "20097", "20457"], 53.5511m, 9.9937m, "+49 40 66969 ", 3),
            new("Köln", null, ["50667", "50668", "50672"], 50.9375m, 6.9603m, "+49 221 4710 ", 3),
            new("München", null, ["80331", "80333", "80335"], 48.1351m, 11.5820m, "+49 89 99998 ", 3),
        ],
        ["Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schillerstraße", "Goethestraße", "Lindenallee", "Friedrichstraße", "Kaiserstraße", "Industriestraße", "Am Marktplatz"],
        ["GmbH", "AG", "GmbH & Co. KG"]);

    public string Street(Random random)
    {
        var number = random.Next(1, IsoCode == "US" ? 9900 : 180);
        var name = random.Pick(StreetNames);
        return IsoCode switch
        {
            "US" => string.Create(CultureInfo.InvariantCulture, $"{number} {name} {random.Pick(UnitedStatesStreetKinds)}"),
            "GB" => string.Create(CultureInfo.InvariantCulture, $"{number} {name} {random.Pick(UnitedKingdomStreetKinds)}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{name} {number}"),
        };
    }

    /// <summary>A postal code of the town; British ones get an inward half after the town's outward half.</summary>
    public string PostalCode(DemoCity city, Random random)
    {
        var code = random.Pick(city.PostalCodes);
        if (IsoCode != "GB")
        {
            return code;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{code} {random.Next(1, 10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}");
    }

    public static string Phone(DemoCity city, Random random) =>
        city.PhonePrefix + random.Next((int)Math.Pow(10, city.PhoneDigits)).ToString("D" + city.PhoneDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
