using System.Text.Json;
using DualWrite.Cli.Tests.Support;

namespace DualWrite.Cli.Tests;

public sealed class ResetLinkTests(LinkedRuntime runtime) : IClassFixture<LinkedRuntime>
{
    [Fact]
    public async Task Companies_come_and_go_then_reset_link_is_refused_while_a_map_runs_and_stops_it_when_forced()
    {
        var added = await runtime.RunAsync("link", "add-company", "gbsi", "--skip-initial-sync");
        Assert.True(added.Exit == 0, added.Output);
        Assert.Contains("Companies now: usmf, gbsi.", added.Output, StringComparison.Ordinal);
        var removed = await runtime.RunAsync("link", "remove-company", "gbsi", "--json");
        Assert.True(removed.Exit == 0, removed.Output);
        using (var link = JsonDocument.Parse(removed.Output))
        {
            Assert.Equal(["usmf"], link.RootElement.GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        }

        var run = await runtime.RunAsync("run", "Legal entities", "--no-related", "--skip-initial-sync", "--wait");
        Assert.True(run.Exit == 0, run.Output);

        var refused = await runtime.RunAsync("reset-link", "--yes");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("409", refused.Output, StringComparison.Ordinal);
        Assert.Contains("Legal entities", refused.Output, StringComparison.Ordinal);

        var forced = await runtime.RunAsync("reset-link", "--yes", "--force", "--json");
        Assert.True(forced.Exit == 0, forced.Output);
        using var json = JsonDocument.Parse(forced.Output);
        Assert.Contains("Legal entities", json.RootElement.GetProperty("stopped").EnumerateArray().Select(m => m.GetString()));
    }
}
