using System.Text.Json;
using DualWrite.Cli.Tests.Support;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Cli.Tests;

/// <summary>A map taken through its states by the commands, as an operator would, against one linked runtime.</summary>
public sealed class LifecycleTests(LinkedRuntime runtime) : IClassFixture<LinkedRuntime>
{
    private const string Groups = "Customer groups";
    private static readonly RowKey Group10 = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10"));

    [Fact]
    public async Task Run_with_its_related_maps_waits_for_running_then_errors_pause_queue_and_resume_follow_the_map()
    {
        var run = await runtime.RunAsync("run", Groups, "--wait");
        Assert.True(run.Exit == 0, run.Output);
        Assert.Contains("Legal entities", run.Output, StringComparison.Ordinal);
        Assert.Contains("Terms of payment", run.Output, StringComparison.Ordinal);
        Assert.Equal("Running", await StateAsync(Groups));
        Assert.Equal("Running", await StateAsync("Terms of payment"));

        var csv = Path.Combine(runtime.DataFolder, "groups-errors.csv");
        var details = await runtime.RunAsync("initial-sync", "details", Groups, "--errors", "--csv", csv);
        Assert.True(details.Exit == 0, details.Output);
        Assert.Contains("usmf", details.Output, StringComparison.Ordinal);
        Assert.Contains("0 of 0 row error(s)", details.Output, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(csv));
        var detailsJson = await runtime.RunAsync("initial-sync", "details", Groups, "--errors", "--json");
        using (var json = JsonDocument.Parse(detailsJson.Output))
        {
            Assert.Equal("Completed", json.RootElement.GetProperty("run").GetProperty("status").GetString());
            Assert.Equal(0, json.RootElement.GetProperty("errors").GetProperty("total").GetInt32());
        }

        // A lookup that finds nothing fails the user's change and lands in the error log.
        Assert.False((await WriteGroupAsync(new Row { ["PaymentTermId"] = "Never" })).Success);
        var errors = await runtime.RunAsync("errors", "--map", Groups, "--type", "application");
        Assert.True(errors.Exit == 0, errors.Output);
        Assert.Contains("'Never' not found", errors.Output, StringComparison.Ordinal);

        var pause = await runtime.RunAsync("pause", Groups);
        Assert.True(pause.Exit == 0, pause.Output);
        Assert.Contains("Paused", pause.Output, StringComparison.Ordinal);
        Assert.True((await WriteGroupAsync(new Row { ["Description"] = "Queued once" })).Success);
        Assert.True((await WriteGroupAsync(new Row { ["Description"] = "Queued twice" })).Success);
        var queue = await runtime.RunAsync("queue", Groups, "--json");
        using (var json = JsonDocument.Parse(queue.Output))
        {
            Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        }

        var lanes = await runtime.RunAsync("queue");
        Assert.Contains(lanes.Output.Split('\n'), line => line.Contains(Groups, StringComparison.Ordinal) && line.Contains(" 2 ", StringComparison.Ordinal));

        var resume = await runtime.RunAsync("resume", Groups, "--wait");
        Assert.True(resume.Exit == 0, resume.Output);
        Assert.Equal("Running", await StateAsync(Groups));
        var after = await runtime.RunAsync("queue", Groups, "--json");
        using (var json = JsonDocument.Parse(after.Output))
        {
            Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        }

        var stop = await runtime.RunAsync("stop", Groups, "--json");
        Assert.True(stop.Exit == 0, stop.Output);
        using (var json = JsonDocument.Parse(stop.Output))
        {
            Assert.Equal("NotRunning", json.RootElement.GetProperty("maps")[0].GetProperty("state").GetString());
        }
    }

    [Fact]
    public async Task An_action_the_maps_state_does_not_allow_is_refused_with_exit_1()
    {
        var result = await runtime.RunAsync("resume", "Vendor groups");
        Assert.Equal(1, result.Exit);
        Assert.Contains("409", result.Output, StringComparison.Ordinal);
    }

    private async Task<string?> StateAsync(string map)
    {
        var status = await runtime.RunAsync("status", "--json");
        using var json = JsonDocument.Parse(status.Output);
        return json.RootElement.EnumerateArray().Single(m => m.GetProperty("name").GetString() == map).GetProperty("state").GetString();
    }

    private async Task<WriteOutcome> WriteGroupAsync(Row values) =>
        (await runtime.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", Group10, values)], atomic: true, CancellationToken.None))[0];
}
