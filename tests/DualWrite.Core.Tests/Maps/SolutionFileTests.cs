using DualWrite.Core.Maps;
using DualWrite.Core.Tests.Mapping;

namespace DualWrite.Core.Tests.Maps;

public sealed class SolutionFileTests
{
    private const string Minimal = """
        {
          "name": "Sample", "publisher": "contoso", "version": "1.2.0.5",
          "maps": [
            { "name": "Currencies", "version": "1.0.0.3",
              "finOps": { "entity": "Currencies", "filter": "((CURRENCYCODE != \"999\"))" },
              "dataverse": { "table": "transactioncurrencies" },
              "key": ["isocurrencycode"],
              "fields": [
                { "finOps": "CURRENCYCODE", "direction": "=", "dataverse": "isocurrencycode" },
                { "finOps": "none", "direction": ">", "dataverse": "exchangerate", "default": 1 },
                { "finOps": "ROUNDING", "direction": "=", "dataverse": "x", "default": { "finOps": 0.01, "dataverse": null } },
                { "finOps": "KIND", "direction": "=", "dataverse": "y", "valueMap": { "pairs": [["A", 1], ["B", 2]], "default": ["A", 1] } }
              ] }
          ]
        }
        """;

    [Fact]
    public void A_solution_reads_with_its_maps_defaults_value_maps_and_none_sides()
    {
        var solution = SolutionReader.Parse(Minimal, "sample.json");
        Assert.Equal(new FourPartVersion(1, 2, 0, 5), solution.Version);
        var map = Assert.Single(solution.Maps);
        Assert.Equal(new FourPartVersion(1, 0, 0, 3), map.Version);
        Assert.False(map.CompanySpecific);
        Assert.Null(map.Fields[1].FinOps);
        Assert.Equal(new DefaultValue(1L), map.Fields[1].DataverseDefault);
        Assert.Equal(new DefaultValue(0.01m), map.Fields[2].FinOpsDefault);
        Assert.Equal(new DefaultValue(null), map.Fields[2].DataverseDefault);
        Assert.Equal(new ValueMapPair("B", 2L), map.Fields[3].ValueMap!.Pairs[1]);
        Assert.Equal(new ValueMapPair("A", 1L), map.Fields[3].ValueMap!.Default);
    }

    [Fact]
    public void Writing_and_reading_again_gives_the_same_file()
    {
        var once = SolutionWriter.Write(SolutionReader.Parse(Minimal, "sample.json"));
        var twice = SolutionWriter.Write(SolutionReader.Parse(once, "written.json"));
        Assert.Equal(once, twice);
        Assert.Contains("\"filter\": \"((CURRENCYCODE != \\\"999\\\"))\"", once, StringComparison.Ordinal);

        var shipped = SolutionWriter.Write(ShippedSolution.Core);
        Assert.Equal(shipped, SolutionWriter.Write(SolutionReader.Parse(shipped, "shipped.json")));
    }

    [Theory]
    [InlineData("[]", "this is not a solution")]
    [InlineData("{\"name\":\"x\"}", "this is not a solution")]
    [InlineData("{ \"name\": \"x\", ", "line 1")]
    [InlineData("{\"name\":\"x\",\"publisher\":\"p\",\"version\":\"1.0\",\"maps\":[]}", "at $.version: '1.0' is not a four-part version")]
    [InlineData("{\"name\":\"x\",\"publisher\":\"p\",\"version\":\"1.0.0.0\",\"maps\":[{\"name\":\"m\",\"finOps\":{\"entity\":\"E\"},\"dataverse\":{\"table\":\"t\"},\"fields\":[{\"finOps\":\"A\",\"direction\":\"=>\",\"dataverse\":\"a\"}]}]}", "at $.maps[0].fields[0].direction: '=>' is not a direction")]
    [InlineData("{\"name\":\"x\",\"publisher\":\"p\",\"version\":\"1.0.0.0\",\"maps\":[{\"name\":\"m\",\"finOps\":{\"entity\":\"E\"},\"dataverse\":{\"table\":\"t\"},\"fields\":[{\"finOps\":\"A\",\"direction\":\"=\",\"dataverse\":\"a\",\"default\":5}]}]}", "a two-way mapping names the side of its default")]
    [InlineData("{\"name\":\"x\",\"publisher\":\"p\",\"version\":\"1.0.0.0\",\"maps\":[{\"name\":\"m\",\"finOps\":{\"entity\":\"E\"},\"dataverse\":{\"table\":\"t\"},\"fields\":[],\"colour\":1}]}", "at $.maps[0]: unknown property 'colour'")]
    [InlineData("{\"name\":\"x\",\"publisher\":\"p\",\"version\":\"1.0.0.0\",\"maps\":[{\"name\":\"m\",\"finOps\":{\"entity\":\"E\"},\"dataverse\":{\"table\":\"t\"},\"fields\":[{\"finOps\":\"A\",\"direction\":\"=\",\"dataverse\":\"a..b\"}]}]}", "is not a column or lookup path")]
    [InlineData("{\"name\":\"x\",\"publisher\":\"p\",\"version\":\"1.0.0.0\",\"maps\":[{\"name\":\"m\",\"finOps\":{\"entity\":\"E\"},\"dataverse\":{\"table\":\"t\"},\"fields\":[{\"finOps\":\"A\",\"direction\":\"<\",\"dataverse\":\"none\",\"valueMap\":{\"pairs\":[[1]]}}]}]}", "a value map pair is [F&O value, Dataverse value]")]
    [InlineData("{\"name\":\"x\",\"publisher\":\"p\",\"version\":\"1.0.0.0\",\"maps\":[{\"name\":\"m\",\"finOps\":{\"entity\":\"E\"},\"dataverse\":{\"table\":\"t\"},\"fields\":[]},{\"name\":\"M\",\"finOps\":{\"entity\":\"E\"},\"dataverse\":{\"table\":\"t\"},\"fields\":[]}]}", "the map 'm' appears twice")]
    public void A_file_that_is_not_a_solution_is_refused_saying_where(string json, string expected)
    {
        var error = Assert.Throws<SolutionFormatException>(() => SolutionReader.Parse(json, "broken.json"));
        Assert.StartsWith("broken.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_part_versions_compare_part_by_part()
    {
        Assert.True(FourPartVersion.Parse("1.0.0.10") > FourPartVersion.Parse("1.0.0.9"));
        Assert.True(FourPartVersion.Parse("2.0.0.0") > FourPartVersion.Parse("1.99.99.99"));
        Assert.False(FourPartVersion.TryParse("1.0.0", out _));
        Assert.False(FourPartVersion.TryParse("1.0.0.-1", out _));
        Assert.Equal("1.0.0.5", FourPartVersion.Parse("1.0.0.5").ToString());
    }

    [Fact]
    public void One_map_writes_and_reads_back_as_it_is_in_a_solution()
    {
        var map = SolutionReader.Parse(Minimal, "sample.json").Maps[0];
        var again = SolutionReader.ParseMap(SolutionWriter.Write(map), "map.json");
        Assert.Equal(SolutionWriter.Write(map), SolutionWriter.Write(again));
        Assert.Equal(map.Name, again.Name);
        Assert.Equal(map.Fields.Count, again.Fields.Count);
    }

    [Fact]
    public void A_single_map_is_told_from_a_solution_and_a_solution_is_not_read_as_a_map()
    {
        Assert.True(SolutionReader.IsSolution(Minimal, "sample.json"));
        Assert.False(SolutionReader.IsSolution(SolutionWriter.Write(SolutionReader.Parse(Minimal, "sample.json").Maps[0]), "map.json"));
        var error = Assert.Throws<SolutionFormatException>(() => SolutionReader.ParseMap(Minimal, "body"));
        Assert.Contains("not a table map", error.Message, StringComparison.Ordinal);
    }
}
