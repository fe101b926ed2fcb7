using DualWrite.Core.Maps;

namespace DualWrite.Core.Tests.Maps;

public sealed class SolutionCatalogTests
{
    [Fact]
    public void A_newer_version_is_imported_beside_the_older_and_its_maps_become_active()
    {
        var catalog = new SolutionCatalog();
        catalog.Import(Solution("1.0.0.0", ("Currencies", "1.0.0.1"), ("Legal entities", "1.0.0.1")));
        catalog.Import(Solution("1.1.0.0", ("Currencies", "1.0.0.2"), ("Legal entities", "1.0.0.1")));

        Assert.Equal(2, catalog.Solutions.Count);
        Assert.Equal(new FourPartVersion(1, 0, 0, 2), catalog.Active("Currencies")!.Version);
        Assert.Equal(new FourPartVersion(1, 1, 0, 0), catalog.ActiveSolution("Legal entities")!.Version);
        Assert.Equal(["Currencies", "Legal entities"], catalog.ActiveMaps.Select(m => m.Name));
    }

    [Fact]
    public void An_older_version_does_not_replace_the_active_one_but_can_be_chosen()
    {
        var catalog = new SolutionCatalog();
        catalog.Import(Solution("2.0.0.0", ("Currencies", "1.0.0.5")));
        catalog.Import(Solution("1.0.0.0", ("Currencies", "1.0.0.1")));
        Assert.Equal(new FourPartVersion(1, 0, 0, 5), catalog.Active("currencies")!.Version);

        catalog.Activate("Currencies", "Core", new FourPartVersion(1, 0, 0, 0));
        Assert.Equal(new FourPartVersion(1, 0, 0, 1), catalog.Active("Currencies")!.Version);
    }

    [Fact]
    public void The_same_version_twice_and_unknown_versions_or_maps_are_refused()
    {
        var catalog = new SolutionCatalog();
        catalog.Import(Solution("1.0.0.0", ("Currencies", "1.0.0.1")));
        Assert.Contains("already imported", Assert.Throws<InvalidOperationException>(() => catalog.Import(Solution("1.0.0.0", ("Currencies", "1.0.0.1")))).Message, StringComparison.Ordinal);
        Assert.Contains("there is no solution Core 9.0.0.0", Assert.Throws<InvalidOperationException>(() => catalog.Activate("Currencies", "Core", new FourPartVersion(9, 0, 0, 0))).Message, StringComparison.Ordinal);
        Assert.Contains("has no map 'Vendors'", Assert.Throws<InvalidOperationException>(() => catalog.Activate("Vendors", "Core", new FourPartVersion(1, 0, 0, 0))).Message, StringComparison.Ordinal);
    }

    private static Solution Solution(string version, params (string Name, string Version)[] maps) => new()
    {
        Name = "Core",
        Publisher = "dualwrite",
        Version = FourPartVersion.Parse(version),
        Maps = maps.Select(m => new TableMap { Name = m.Name, Version = FourPartVersion.Parse(m.Version), FinOpsEntity = "E", DataverseTable = "t" }).ToArray(),
    };
}
