using System.Globalization;
using System.Text.Json;
using DualWrite.Cli.Tests.Support;

namespace DualWrite.Cli.Tests;

/// <summary><c>dualwrite alerts</c> against a linked runtime: rules added, listed and removed, and what is refused.</summary>
public sealed class AlertsTests(LinkedRuntime runtime) : IClassFixture<LinkedRuntime>
{
    private const string Groups = "Customer groups";

    [Fact]
    public async Task A_rule_added_is_listed_with_its_window_in_words_and_gone_once_removed()
    {
        var added = await runtime.RunAsync(
            "alerts", "add", "--map", Groups, "--errors", "5", "--window", "10m", "--type", "Application", "--type", "system",
            "--action", "pause", "--webhook", "http://127.0.0.1:9/notices", "--json");
        Assert.True(added.Exit == 0, added.Output);
        long id;
        using (var rule = JsonDocument.Parse(added.Output))
        {
            id = rule.RootElement.GetProperty("id").GetInt64();
            Assert.Equal(600, rule.RootElement.GetProperty("windowSeconds").GetDouble());
            Assert.Equal(["Application", "System"], rule.RootElement.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal("Pause", rule.RootElement.GetProperty("action").GetString());
        }

        var anyType = await runtime.RunAsync("alerts", "add", "--map", "Currencies", "--errors", "1", "--window", "90s");
        Assert.True(anyType.Exit == 0, anyType.Output);
        Assert.Contains("Added alert rule", anyType.Output, StringComparison.Ordinal);
        var made = Assert.Single(anyType.Output.Split('\n'), line => line.Contains("Currencies", StringComparison.Ordinal) && line.Contains('│'));
        Assert.Contains("any", made, StringComparison.Ordinal);
        Assert.Contains("1 minute 30 seconds", made, StringComparison.Ordinal);
        Assert.Contains("notify", made, StringComparison.Ordinal);

        var listed = await runtime.RunAsync("alerts", "list", "--map", Groups);
        Assert.True(listed.Exit == 0, listed.Output);
        var row = Assert.Single(listed.Output.Split('\n'), line => line.Contains(Groups, StringComparison.Ordinal));
        Assert.Contains("10 minutes", row, StringComparison.Ordinal);
        Assert.Contains("Application, System", row, StringComparison.Ordinal);
        Assert.Contains("notify and pause", row, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9/notices", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Currencies", listed.Output, StringComparison.Ordinal);

        var removed = await runtime.RunAsync("alerts", "remove", id.ToString(CultureInfo.InvariantCulture));
        Assert.True(removed.Exit == 0, removed.Output);
        Assert.Contains($"Removed alert rule {id}.", removed.Output, StringComparison.Ordinal);
        var after = await runtime.RunAsync("alerts", "list", "--json");
        Assert.True(after.Exit == 0, after.Output);
        using var rules = JsonDocument.Parse(after.Output);
        Assert.DoesNotContain(id, rules.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Contains("Currencies", rules.RootElement.EnumerateArray().Select(r => r.GetProperty("map").GetString()));
    }

    [Theory]
    [InlineData("10x")]
    [InlineData("600")]
    [InlineData("0m")]
    [InlineData("400d")]
    public async Task A_window_without_a_unit_of_nothing_or_over_a_year_is_a_usage_error(string window)
    {
        var result = await runtime.RunAsync("alerts", "add", "--map", Groups, "--errors", "3", "--window", window);
        Assert.Equal(2, result.Exit);
        Assert.Contains($"--window takes a span longer than 0 and at most a year (366d) with its unit, such as 90s, 10m, 1h or 1d, not '{window}'.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_rule_there_is_not_exits_1_with_the_runtimes_words()
    {
        var result = await runtime.RunAsync("alerts", "remove", "987654");
        Assert.Equal(1, result.Exit);
        Assert.Contains("404", result.Output, StringComparison.Ordinal);
        Assert.Contains("There is no alert rule 987654", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_may_list_the_rules_but_not_add_or_remove_one()
    {
        var reader = runtime.TokenOf("reader");
        var listed = await runtime.RunAsync("alerts", "list", "--token", reader);
        Assert.True(listed.Exit == 0, listed.Output);

        var added = await runtime.RunAsync("alerts", "add", "--map", Groups, "--errors", "3", "--window", "1h", "--token", reader);
        Assert.Equal(1, added.Exit);
        Assert.Contains("403", added.Output, StringComparison.Ordinal);
        Assert.Contains("is a reader, who may only read", added.Output, StringComparison.Ordinal);

        var removed = await runtime.RunAsync("alerts", "remove", "1", "--token", reader);
        Assert.Equal(1, removed.Exit);
        Assert.Contains("is a reader, who may only read", removed.Output, StringComparison.Ordinal);
    }
}
