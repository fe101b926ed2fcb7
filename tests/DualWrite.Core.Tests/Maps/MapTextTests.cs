using DualWrite.Core.Maps;
using DualWrite.Core.Tests.Mapping;

namespace DualWrite.Core.Tests.Maps;

public sealed class MapTextTests
{
    [Theory]
    [InlineData("Customers V3 (accounts)", "CUSTOMERGROUPID = msdyn_customergroupid.msdyn_groupid")]
    [InlineData("Customers V3 (accounts)", "none >> customertypecode  [default 3]")]
    [InlineData("Customers V3 (accounts)", "PARTYTYPE << none  [default 'Organization']")]
    [InlineData("Currencies", "none >> exchangerate  [default 1]")]
    public void The_symbol_view_shows_each_mapping_as_the_mapping_reference_does(string map, string line)
    {
        var text = MapText.Of(ShippedSolution.Core.FindMap(map)!);
        Assert.Contains("  " + line + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_map_header_gives_entities_filters_key_and_dependencies()
    {
        var text = MapText.Of(ShippedSolution.Core.FindMap("Customers V3 (accounts)")!);
        Assert.StartsWith("Customers V3 (accounts) ", text, StringComparison.Ordinal);
        Assert.Contains("CustomersV3 <-> accounts, by company", text, StringComparison.Ordinal);
        Assert.Contains("F&O filter:       ((PartyType == \"Organization\"))", text, StringComparison.Ordinal);
        Assert.Contains("Dataverse filter: customertypecode eq 3", text, StringComparison.Ordinal);
        Assert.Contains("Key:              accountnumber + company", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_way_transforms_and_value_maps_use_the_crossed_symbol()
    {
        var mapping = new FieldMapping
        {
            FinOps = "OnHoldStatus",
            Dataverse = FieldPath.Parse("msdyn_onholdstatus"),
            ValueMap = new ValueMap([new("No", 1L), new("All", 2L)], new ValueMapPair("No", 1L)),
        };
        Assert.Equal("ONHOLDSTATUS >< msdyn_onholdstatus  [map 'No':1, 'All':2, else 'No':1]", MapText.Of(mapping));
        Assert.Equal("A < b", MapText.Of(new FieldMapping { FinOps = "a", Dataverse = FieldPath.Parse("b"), Direction = MappingDirection.ToFinOps }));
    }
}
