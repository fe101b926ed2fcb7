using System.Text.RegularExpressions;
using DualWrite.Core.Maps;
using DualWrite.Core.Tests.Mapping;
using DualWrite.Core.Tests.Schema;

namespace DualWrite.Core.Tests.Maps;

/// <summary><c>docs/maps.md</c> shows the shipped Customers V3 (accounts) map; the page must stay true to it.</summary>
public sealed partial class MapsDocumentationTests
{
    private static readonly Lazy<string> Page = new(() => File.ReadAllText(Path.Combine(EnvironmentSchemaFiles.RepositoryRoot, "docs", "maps.md")));

    [Fact]
    public void The_worked_example_is_the_shipped_map()
    {
        var section = Page.Value[Page.Value.IndexOf("## Worked example", StringComparison.Ordinal)..];
        var json = CodeBlock().Match(section).Groups["code"].Value;
        var documented = SolutionReader.Parse($$"""{"name":"Doc","publisher":"docs","version":"1.0.0.0","maps":[{{json}}]}""", "docs/maps.md").Maps[0];
        var shipped = ShippedSolution.Core.FindMap("Customers V3 (accounts)")!;

        Assert.Equal(Write(shipped), Write(documented));
    }

    [Fact]
    public void The_symbol_view_on_the_page_is_what_maps_show_prints()
    {
        var shipped = MapText.Of(ShippedSolution.Core.FindMap("Customers V3 (accounts)")!).ReplaceLineEndings("\n");
        Assert.Contains(shipped, Page.Value.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static string Write(TableMap map) =>
        SolutionWriter.Write(new Solution { Name = "Doc", Publisher = "docs", Version = new FourPartVersion(1, 0, 0, 0), Maps = [map] });

    [GeneratedRegex("```json\\n(?<code>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
