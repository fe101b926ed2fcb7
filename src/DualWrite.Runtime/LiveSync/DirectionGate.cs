namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Lets source transactions from one side run together, and one from the other side in only when none from the
/// first is under way. Each side keeps its user's transaction open while the runtime writes to the other side, so
/// two transactions coming from opposite sides at once would each wait for the other's side until both time out;
/// the later one instead fails fast (after a wait, if one is set) as a concurrent change, which its user can try
/// again.
/// </summary>
internal sealed class DirectionGate(TimeSpan wait, TimeProvider time)
{
    private readonly Lock sync = new();
    private readonly int[] active = new int[2];
    private TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <returns>The pass, to dispose when the transaction is done; null when the other side stayed busy.</returns>
    public async Task<IDisposable?> EnterAsync(HookSource source, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            Task drainedTask;
            lock (sync)
            {
                if (active[Other(source)] == 0)
                {
                    active[(int)source]++;
                    return new Pass(this, source);
                }

                drainedTask = drained.Task;
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.WhenAny(drainedTask, Task.Delay(remaining, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static int Other(HookSource source) => source == HookSource.FinOps ? (int)HookSource.Dataverse : (int)HookSource.FinOps;

    private void Leave(HookSource source)
    {
        TaskCompletionSource? done = null;
        lock (sync)
        {
            if (--active[(int)source] == 0)
            {
                done = drained;
                drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        done?.SetResult();
    }

    private sealed class Pass(DirectionGate gate, HookSource source) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                gate.Leave(source);
            }
        }
    }
}
