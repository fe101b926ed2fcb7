using System.Text.Json;
using DualWrite.Cli.Tests.Support;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Cli.Tests;

public sealed class CatchUpErrorsTests(LinkedRuntime runtime) : IClassFixture<LinkedRuntime>
{
    private const string Groups = "Customer groups";

    [Fact]
    public async Task A_change_that_fails_to_replay_is_listed_as_a_catch_up_error_and_dismissed_by_its_sequence()
    {
        Assert.Equal(0, (await runtime.RunAsync("run", Groups, "--wait")).Exit);
        Assert.Equal(0, (await runtime.RunAsync("pause", Groups)).Exit);
        var write = await runtime.FinOps.WriteAsync(
            [FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10")), new Row { ["PaymentTermId"] = "Gone" })],
            atomic: true,
            CancellationToken.None);
        Assert.True(write[0].Success);

        var resume = await runtime.RunAsync("resume", Groups, "--wait");
        Assert.True(resume.Exit == 0, resume.Output);

        var listed = await runtime.RunAsync("catch-up-errors", Groups);
        Assert.True(listed.Exit == 0, listed.Output);
        Assert.Contains("'Gone' not found", listed.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 1 catch-up error(s).", listed.Output, StringComparison.Ordinal);

        long sequence;
        using (var json = JsonDocument.Parse((await runtime.RunAsync("catch-up-errors", Groups, "--json")).Output))
        {
            sequence = json.RootElement.GetProperty("items")[0].GetProperty("sequence").GetInt64();
        }

        var dismissed = await runtime.RunAsync("catch-up-errors", Groups, "--dismiss", "--sequence", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(dismissed.Exit == 0, dismissed.Output);
        Assert.Contains("1 catch-up error(s) dismissed.", dismissed.Output, StringComparison.Ordinal);
        Assert.Contains("0 of 0 catch-up error(s).", (await runtime.RunAsync("catch-up-errors", Groups)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_and_dismiss_together_are_a_usage_error()
    {
        var result = await runtime.RunAsync("catch-up-errors", Groups, "--retry", "--dismiss");
        Assert.Equal(2, result.Exit);
        Assert.Contains("Choose --retry or --dismiss, not both.", result.Output, StringComparison.Ordinal);
    }
}
