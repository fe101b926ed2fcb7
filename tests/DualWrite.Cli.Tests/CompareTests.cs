using System.Text.Json;
using DualWrite.Cli.Tests.Support;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Cli.Tests;

/// <summary><c>dualwrite compare</c> against a linked runtime whose map was stopped and let drift.</summary>
public sealed class CompareTests(LinkedRuntime runtime) : IClassFixture<LinkedRuntime>
{
    private const string Groups = "Customer groups";

    [Fact]
    public async Task Compare_exits_1_naming_the_field_and_both_values_and_a_fix_makes_it_exit_0()
    {
        Assert.Equal(0, (await runtime.RunAsync("run", Groups, "--wait")).Exit);
        var agreed = await runtime.RunAsync("compare", Groups);
        Assert.True(agreed.Exit == 0, agreed.Output);
        Assert.Contains("Both sides agree", agreed.Output, StringComparison.Ordinal);

        // Stopped, the map lets the change stay in F&O.
        Assert.Equal(0, (await runtime.RunAsync("stop", Groups)).Exit);
        var written = await runtime.FinOps.WriteAsync(
            [FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10")), new Row { ["Description"] = "Drifted" })],
            atomic: true,
            CancellationToken.None);
        Assert.True(written[0].Success, written[0].Message);

        var drifted = await runtime.RunAsync("compare", Groups, "--company", "usmf");
        Assert.True(drifted.Exit == 1, drifted.Output);
        Assert.Contains("DESCRIPTION = msdyn_description", drifted.Output, StringComparison.Ordinal);
        Assert.Contains("'Drifted'", drifted.Output, StringComparison.Ordinal);
        Assert.Contains("1 difference(s)", drifted.Output, StringComparison.Ordinal);
        var named = await runtime.RunAsync("compare", "--map", Groups, "--company", "usmf");
        Assert.True(named.Exit == 1, named.Output);
        Assert.Contains("DESCRIPTION = msdyn_description", named.Output, StringComparison.Ordinal);
        Assert.Contains("'Drifted'", named.Output, StringComparison.Ordinal);
        Assert.Contains("1 difference(s)", named.Output, StringComparison.Ordinal);
        var json = await runtime.RunAsync("compare", Groups, "--json");
        Assert.Equal(1, json.Exit);
        using (var document = JsonDocument.Parse(json.Output))
        {
            Assert.Equal(1, document.RootElement.GetProperty("totals").GetProperty("differing").GetInt64());
        }

        var refused = await runtime.RunAsync("compare", Groups, "--fix", "finops", "--token", runtime.TokenOf("reader"));
        Assert.True(refused.Exit == 1, refused.Output);
        Assert.Contains("403", refused.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await runtime.RunAsync("compare", Groups, "--fix", "crm")).Exit);

        var fixedUp = await runtime.RunAsync("compare", Groups, "--fix", "finops");
        Assert.True(fixedUp.Exit == 0, fixedUp.Output);
        Assert.Contains("Fixed with FinOps as master", fixedUp.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await runtime.RunAsync("compare", Groups)).Exit);
        var agreedByName = await runtime.RunAsync("compare", "--map", Groups);
        Assert.True(agreedByName.Exit == 0, agreedByName.Output);
        Assert.Contains("Both sides agree", agreedByName.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_named_both_ways_or_not_at_all_is_a_usage_error_naming_both_spellings()
    {
        var twice = await runtime.RunAsync("compare", Groups, "--map", Groups);
        Assert.Equal(2, twice.Exit);
        Assert.Contains("either --map NAME or the positional MAP, not both", twice.Output, StringComparison.Ordinal);

        var missing = await runtime.RunAsync("compare");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("Name the map to compare with --map NAME (or as the positional MAP).", missing.Output, StringComparison.Ordinal);
    }
}
