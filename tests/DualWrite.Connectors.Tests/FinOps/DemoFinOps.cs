namespace DualWrite.Connectors.Tests.FinOps;

/// <summary>An emulated F&amp;O with its demo data, read but never written by the tests that share it.</summary>
public sealed class DemoFinOps() : FinOpsEnvironment(demo: true)
{
    public const int CustomersPerCompany = 300;

    public static readonly string[] Companies = ["dat", "gbsi", "usmf"];
}
