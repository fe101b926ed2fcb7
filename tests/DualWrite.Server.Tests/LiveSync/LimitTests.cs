using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Environments.Faults;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.LiveSync;
using DualWrite.Runtime.Monitoring;

namespace DualWrite.Server.Tests.LiveSync;

public sealed class LimitTests
{
    private const string Groups = "Customer groups";

    [Fact]
    public async Task A_transaction_with_more_records_than_the_limit_is_refused_whole()
    {
        await using var harness = await StartAsync(new LiveSyncOptions { MaxRecordsPerTransaction = 3 });

        var outcomes = await harness.FinOps.WriteAsync(
            new[] { "10", "20", "30", "80" }.Select(g => FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", g)), new Row { ["Description"] = "Too many" })).ToArray(),
            atomic: true,
            CancellationToken.None);

        Assert.All(outcomes, o => Assert.False(o.Success));
        Assert.Contains(outcomes, o => o.Message!.Contains("Customer groups: the transaction changes 4 records, more than the 3 one transaction may carry", StringComparison.Ordinal));
        Assert.Equal("Wholesale customers", (await harness.FinOps.ReadAsync("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10")), CancellationToken.None))!["Description"]);
    }

    [Fact]
    public async Task A_transaction_the_other_side_takes_longer_than_the_timeout_to_write_fails_with_a_system_error()
    {
        await using var harness = await StartAsync(new LiveSyncOptions { TransactionTimeout = TimeSpan.FromMilliseconds(300) });
        await harness.DataverseEmulator.SetFaultsAsync(new FaultSettings { LatencyMilliseconds = 1_000 });

        var outcome = (await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10")), new Row { ["Description"] = "Slow" })], atomic: true, CancellationToken.None))[0];

        Assert.False(outcome.Success);
        Assert.Contains("Customer groups: Dataverse did not take the transaction within 0.3 seconds", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorType.System, Assert.Single(await harness.Runtime.Store.SearchErrorsAsync(new ErrorQuery(), CancellationToken.None)).Type);
    }

    private static async Task<ServerHarness> StartAsync(LiveSyncOptions options)
    {
        var harness = await ServerHarness.StartAsync(o => o with { LiveSync = options });
        await harness.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment", InitialSync: false), new RunItem(Groups, InitialSync: false)]), "ana", CancellationToken.None);
        return harness;
    }
}
