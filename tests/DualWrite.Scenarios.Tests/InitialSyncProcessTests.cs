using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Scenarios.Tests;

public sealed class InitialSyncProcessTests
{
    [Fact]
    public async Task A_runtime_killed_during_initial_sync_and_started_again_ends_as_if_it_had_never_stopped()
    {
        const int customers = 12_000;
        await using var story = await AccountsStory.StartAsync(customers, "usmf", "gbsi");
        var expected = await story.CustomersAsync();

        // Small change sets and frequent checkpoints, so that the kill lands between two of them with writes in flight.
        string[] options = ["--batch", "50", "--parallel", "2"];
        using (var first = await story.StartRuntimeAsync(options))
        {
            await AccountsStory.WaitForAsync(async () => (await story.AccountsRunAsync()).ToDataverse.Created >= customers / 4, TimeSpan.FromMinutes(5), first, "a quarter of the accounts");
            first.Kill();
        }

        var (killed, atKill) = await story.AccountsRunAsync();
        Assert.Equal(SyncRunStatus.Running, killed.Status);
        Assert.InRange(atKill.Created, customers / 4, expected.Count - 1);
        Assert.Equal(MapState.Initializing, await story.StateAsync(AccountsStory.Accounts));

        using (var second = await story.StartRuntimeAsync(options))
        {
            await AccountsStory.WaitForAsync(async () => await story.StateAsync(AccountsStory.Accounts) == MapState.Running, TimeSpan.FromMinutes(5), second, "the accounts map running");
        }

        var (run, counts) = await story.AccountsRunAsync();
        Assert.Equal((killed.Id, SyncRunStatus.Completed), (run.Id, run.Status));
        Assert.Equal(0, counts.Failed);

        // Rows written after the last checkpoint before the kill are found again, already equal: nothing twice.
        Assert.Equal(expected.Count, counts.Created + counts.Unchanged);
        Assert.Equal(expected, await story.AccountsAsync());
    }
}
