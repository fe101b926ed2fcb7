using System.Text;

namespace DualWrite.Environments.Demo;

/// <summary>
/// Name pools for demo rows. F&amp;O company names are built from words the CRM names never use, so a CRM
/// account that shares an account number with an F&amp;O customer always differs from it by name.
/// </summary>
internal static class DemoNames
{
    public static IReadOnlyList<string> FemaleFirstNames { get; } =
    [
        "Emma", "Olivia", "Sophia", "Isabella", "Charlotte", "Amelia", "Mia", "Harper", "Evelyn", "Abigail",
        "Emily", "Ella", "Grace", "Chloe", "Lucy", "Hannah", "Zoe", "Nora", "Ruby", "Alice",
    ];

    public static IReadOnlyList<string> MaleFirstNames { get; } =
    [
        "Liam", "Noah", "Oliver", "James", "William", "Benjamin", "Lucas", "Henry", "Alexander", "Daniel",
        "Jack", "Samuel", "David", "Thomas", "Joseph", "Leo", "Oscar", "Arthur", "George", "Adam",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Anderson",
        "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark",
        "Lewis", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker",
        "Evans", "Hughes", "Edwards", "Patel", "Khan", "Murphy", "O'Brien", "Campbell", "Stewart", "Fischer",
    ];

    public static IReadOnlyList<string> MiddleInitials { get; } = ["A.", "B.", "C.", "D.", "E.", "J.", "L.", "M.", "R.", "S."];

    public static IReadOnlyList<string> JobTitles { get; } =
    [
        "Purchasing Manager", "Buyer", "Accounts Payable Clerk", "Owner", "Chief Financial Officer", "Operations Director",
        "Office Manager", "IT Manager", "Store Manager", "Procurement Lead", "Finance Controller", "Sales Director",
    ];

    public static IReadOnlyList<string> OrganizationWords { get; } =
    [
        "Summit", "Harbor", "Granite", "Cascade", "Evergreen", "Pioneer", "Northern", "Silver", "Redwood", "Lakeshore",
        "Prairie", "Beacon", "Horizon", "Keystone", "Meridian", "Riverside", "Sterling", "Timberline", "Westfield", "Oakridge",
        "Bluewater", "Ironwood", "Crescent", "Highland", "Copperleaf",
    ];

    public static IReadOnlyList<string> OrganizationNouns { get; } =
    [
        "Audio", "Electronics", "Media", "Entertainment", "Sound", "Systems", "Retail", "Supply", "Distribution", "Games",
        "Home Theater", "Cinema", "Technologies", "Outfitters", "Traders", "Wholesale", "Music", "Devices",
    ];

    public static IReadOnlyList<string> VendorNouns { get; } =
    [
        "Components", "Manufacturing", "Logistics", "Freight", "Packaging", "Plastics", "Metals", "Circuits", "Cabling",
        "Facilities", "Consulting", "Print", "Office Supplies", "Displays",
    ];

    /// <summary>Accounts a CRM keeps of its own: the names Microsoft uses for fictitious companies.</summary>
    public static IReadOnlyList<string> CrmAccountNames { get; } =
    [
        "Adventure Works Cycles", "Alpine Ski House", "Blue Yonder Airlines", "City Power & Light", "Coho Winery",
        "Contoso Pharmaceuticals", "Fabrikam, Inc.", "Fourth Coffee", "Graphic Design Institute", "Humongous Insurance",
        "Litware, Inc.", "Lucerne Publishing", "Margie's Travel", "Northwind Traders", "Proseware, Inc.",
        "School of Fine Art", "Southridge Video", "Tailspin Toys", "Trey Research", "The Phone Company",
        "Wide World Importers", "Wingtip Toys", "Woodgrove Bank", "A. Datum Corporation", "Consolidated Messenger",
        "Relecloud", "VanArsdel, Ltd.", "Bellows College", "Best For You Organics", "First Up Consultants",
        "Lamna Healthcare", "Munson's Pickles and Preserves", "Nod Publishers", "Olympia Sports", "Liberty's Delightful Bakery",
        "Wingtip Toys Europe", "Fabrikam Residences", "Northwind Traders Deutschland", "Contoso Cafe", "Adatum Logistik",
    ];

    /// <summary>Letters and digits only, lower case: a name as it appears in a web or mail domain.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
        }

        return slug.ToString();
    }
}
