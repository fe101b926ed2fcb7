using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Demo;

/// <summary>A seeded CRM account, kept so its contacts can work there and live nearby.</summary>
internal sealed record DemoAccount(StoredRow Row, string Name, string Domain, DemoCountry Country, DemoCity City)
{
    public Guid Id => (Guid)Row.Values["accountid"]!;
}
