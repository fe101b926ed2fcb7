using DualWrite.Cli.Tests.Support;
using DualWrite.Environments.Faults;

namespace DualWrite.Cli.Tests;

public sealed class FailedRunTests(ImpatientRuntime fixture) : IClassFixture<ImpatientRuntime>
{
    [Fact]
    public async Task Run_with_wait_exits_1_and_says_why_when_the_map_stops_instead_of_running()
    {
        var runtime = fixture.Runtime;
        await runtime.DataverseEmulator.SetFaultsAsync(new FaultSettings { ThrottleShare = 1 });

        var run = await runtime.RunAsync("run", "Legal entities", "--no-related", "--wait");

        Assert.Equal(1, run.Exit);
        Assert.Contains("Legal entities is NotRunning", run.Output, StringComparison.Ordinal);
        Assert.Contains("attempt 2 of 2", run.Output, StringComparison.Ordinal);
    }
}
