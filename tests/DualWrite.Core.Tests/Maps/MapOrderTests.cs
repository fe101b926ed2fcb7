using DualWrite.Core.Maps;
using DualWrite.Core.Tests.Mapping;

namespace DualWrite.Core.Tests.Maps;

public sealed class MapOrderTests
{
    [Fact]
    public void A_map_needs_its_dependencies_and_theirs_in_dependency_order()
    {
        var maps = ShippedSolution.Core.Maps;
        var customers = ShippedSolution.Core.FindMap("Customers V3 (accounts)")!;
        var required = MapOrder.Required(customers, maps).Select(m => m.Name).ToArray();

        Assert.Equal(["Currencies", "Customer groups", "Legal entities", "Terms of payment"], required.Order());
        Assert.True(Array.IndexOf(required, "Terms of payment") < Array.IndexOf(required, "Customer groups"));
        Assert.Empty(MapOrder.Check(required.Select(n => ShippedSolution.Core.FindMap(n)!).Append(customers).ToArray()));
    }

    [Fact]
    public void Sorting_is_stable_for_maps_that_do_not_depend_on_each_other()
    {
        var maps = new[] { Map("C"), Map("B", "A"), Map("A"), Map("D") };
        Assert.Equal(["C", "A", "B", "D"], MapOrder.Sort(maps).Select(m => m.Name));
    }

    [Fact]
    public void A_cycle_is_reported_by_name()
    {
        var maps = new[] { Map("Start"), Map("A", "C"), Map("B", "A"), Map("C", "B") };
        var error = Assert.Throws<MapOrderException>(() => MapOrder.Sort(maps));
        Assert.Contains("A -> C -> B -> A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_on_a_missing_map_is_named()
    {
        var error = Assert.Throws<MapOrderException>(() => MapOrder.Required(Map("A", "Ghost"), [Map("A", "Ghost")]));
        Assert.Equal("'A' depends on 'Ghost', which is not among the maps", error.Message);
    }

    [Fact]
    public void A_user_order_is_checked_and_every_violation_named()
    {
        var order = new[] { Map("Customers", "Groups", "Currencies"), Map("Groups"), Map("Currencies") };
        var violations = MapOrder.Check(order);
        Assert.Equal(2, violations.Count);
        Assert.Contains("'Customers' (position 1) comes before 'Groups' (position 2), which it depends on", violations);
        Assert.Contains("'Customers' (position 1) comes before 'Currencies' (position 3), which it depends on", violations);
    }

    private static TableMap Map(string name, params string[] dependsOn) =>
        new() { Name = name, FinOpsEntity = "E", DataverseTable = "t", DependsOn = dependsOn };
}
