using Xunit.Abstractions;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Scenarios.Tests;

public sealed class InitialSyncProcessTests(ITestOutputHelper output)
{
    /// <summary>
    /// The managed memory the runtime is given for a million rows. A run holds two checkpoint stretches of planned
    /// writes, the row being read from each side, the change sets in flight and the lookups it remembers: some 15 to
    /// 25 MB live whatever the row count. 128 MB leaves the collector room to work without running all the time;
    /// a run that held its pages whole (tens of megabytes each, in buffers the array pool keeps) or every account it
    /// wrote fails out of memory here.
    /// </summary>
    private const long HeapLimit = 128L * 1024 * 1024;

    /// <summary>
    /// The whole process at its peak: the heap limit, the .NET runtime and its code, native SQLite and the sockets'
    /// buffers. A million rows peaked at about 165 MB; the bound leaves room for another machine, not for the heap
    /// to grow with the rows.
    /// </summary>
    private const long MemoryBound = 256L * 1024 * 1024;

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

        var (killed, atKill, _) = await story.AccountsRunAsync();
        Assert.Equal(SyncRunStatus.Running, killed.Status);
        Assert.InRange(atKill.Created, customers / 4, expected.Count - 1);
        Assert.Equal(MapState.Initializing, await story.StateAsync(AccountsStory.Accounts));

        using (var second = await story.StartRuntimeAsync(options))
        {
            await AccountsStory.WaitForAsync(async () => await story.StateAsync(AccountsStory.Accounts) == MapState.Running, TimeSpan.FromMinutes(5), second, "the accounts map running");
        }

        var (run, counts, back) = await story.AccountsRunAsync();
        Assert.Equal((killed.Id, SyncRunStatus.Completed), (run.Id, run.Status));
        Assert.Equal((0, 0, 0, 0), (counts.Failed, counts.Updated, back.Failed, back.Created));

        // Rows written after the last checkpoint before the kill are found again, already equal: nothing twice.
        Assert.Equal(expected.Count, counts.Created + back.Unchanged);
        Assert.Equal(expected, await story.AccountsAsync());
        var comparison = await story.CompareAccountsAsync();
        Assert.True(comparison.Agrees, string.Join("; ", comparison.Differences.Select(d => $"{d.Key} {d.Kind} {string.Join(", ", d.Fields.Select(f => f.Mapping))}")));
        Assert.Equal(expected.Count, comparison.Totals.Equal);
    }

    [Fact]
    public async Task A_million_customers_sync_with_the_runtimes_memory_staying_bounded()
    {
        const int customers = 1_000_000;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var story = await AccountsStory.StartAsync(customers, "usmf", "gbsi", "dat");
        output.WriteLine($"F&O filled with {customers:N0} customers and the runtime linked in {clock.Elapsed.TotalSeconds:N0} s");

        clock.Restart();
        using var runtime = await story.StartBoundedRuntimeAsync(HeapLimit);
        await AccountsStory.WaitForAsync(async () => await story.StateAsync(AccountsStory.Accounts) is MapState.Running or MapState.NotRunning, TimeSpan.FromMinutes(20), runtime, "the accounts map running");
        var peak = runtime.PeakMemoryBytes;
        var last = await story.ReadStoreAsync(store => store.GetActivityAsync(AccountsStory.Accounts, 1, CancellationToken.None));
        Assert.True(await story.StateAsync(AccountsStory.Accounts) == MapState.Running, $"the accounts map stopped: {last[0].Detail}");
        output.WriteLine($"initial sync in {clock.Elapsed.TotalSeconds:N0} s; the runtime's peak memory {peak / (1024 * 1024):N0} MB");

        var (run, counts, _) = await story.AccountsRunAsync();
        Assert.Equal(SyncRunStatus.Completed, run.Status);
        Assert.Equal(0, counts.Failed);
        Assert.True(counts.Created >= customers, $"{counts.Created:N0} accounts created of {customers:N0} customers");
        Assert.True(peak < MemoryBound, $"the runtime held {peak / (1024 * 1024):N0} MB at its peak, more than {MemoryBound / (1024 * 1024):N0} MB");
    }
}
