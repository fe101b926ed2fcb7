using DualWrite.Core.Maps;
using DualWrite.Core.Mapping;
using DualWrite.Runtime.LiveSync;
using DualWrite.Runtime.Monitoring;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Queue;

/// <summary>
/// Replays a map's lane in sequence order, the whole sequence: every change in turn, source transactions kept
/// whole, several transactions of one direction sent together for speed and, if that batch fails, one transaction
/// at a time so that only the failing one stops. A transaction that fails becomes catch-up errors with its reason;
/// the rest of the lane goes on, except changes to a key that has a catch-up error, which wait behind it.
/// </summary>
/// <param name="store">Where the lanes are.</param>
/// <param name="batchSize">Changes sent together, about.</param>
/// <param name="largestTransaction">The most changes one source transaction may carry: a read always holds the first whole.</param>
internal sealed class CatchUp(IRuntimeStore store, int batchSize, int largestTransaction)
{
    /// <summary>Reason given to changes that wait behind an earlier failed change to the same row.</summary>
    public const string WaitsBehind = "waits behind an earlier change to the same row that failed to replay; retry or dismiss that one first";

    /// <returns>How many changes were replayed and how many became catch-up errors.</returns>
    public async Task<(long Replayed, long Failed)> ReplayAsync(string map, LiveContext context, CancellationToken cancellationToken)
    {
        var mapper = context.Find(map) ?? throw new InvalidOperationException($"'{map}' is not an active map");
        var blocked = new HashSet<string>(await store.GetCatchUpErrorKeysAsync(map, cancellationToken), StringComparer.OrdinalIgnoreCase);
        var (replayed, failed) = (0L, 0L);
        while (true)
        {
            var limit = batchSize + largestTransaction;
            var page = await store.ReadQueueAsync(map, 0, limit, cancellationToken);
            if (page.Count == 0)
            {
                return (replayed, failed);
            }

            var transactions = Transactions(page);

            // The last transaction may go on past the page: it waits for the next read. The first always fits whole.
            if (transactions.Count > 1 && page.Count == limit)
            {
                transactions.RemoveAt(transactions.Count - 1);
            }

            foreach (var run in Runs(transactions))
            {
                var (ok, bad) = await ReplayRunAsync(mapper, run, context, blocked, cancellationToken);
                replayed += ok;
                failed += bad;
            }
        }
    }

    /// <summary>Consecutive changes of one source transaction.</summary>
    private static List<List<QueuedChange>> Transactions(IReadOnlyList<QueuedChange> page)
    {
        var transactions = new List<List<QueuedChange>>();
        foreach (var change in page)
        {
            if (transactions.Count > 0 && transactions[^1][0] is var head && head.Source == change.Source && head.TransactionId == change.TransactionId)
            {
                transactions[^1].Add(change);
            }
            else
            {
                transactions.Add([change]);
            }
        }

        return transactions;
    }

    /// <summary>
    /// Consecutive transactions from one side, about a batch of changes at a time: they go to the other side
    /// together. A transaction larger than a batch goes alone, whole.
    /// </summary>
    private IEnumerable<List<List<QueuedChange>>> Runs(List<List<QueuedChange>> transactions)
    {
        var run = new List<List<QueuedChange>>();
        var size = 0;
        foreach (var transaction in transactions)
        {
            if (run.Count > 0 && (run[0][0].Source != transaction[0].Source || size + transaction.Count > batchSize))
            {
                yield return run;
                (run, size) = ([], 0);
            }

            run.Add(transaction);
            size += transaction.Count;
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private async Task<(long Replayed, long Failed)> ReplayRunAsync(
        RowMapper mapper, List<List<QueuedChange>> run, LiveContext context, HashSet<string> blocked, CancellationToken cancellationToken)
    {
        var direction = run[0][0].Source == HookSource.FinOps ? SyncDirection.FinOpsToDataverse : SyncDirection.DataverseToFinOps;
        var table = direction == SyncDirection.FinOpsToDataverse ? mapper.FinOpsTable : mapper.DataverseTable;
        var ready = run.Where(t => !t.Any(c => blocked.Contains(c.Key))).ToList();
        var failed = 0L;
        foreach (var waiting in run.Except(ready))
        {
            failed += await FailAsync(waiting, WaitsBehind, blocked, cancellationToken);
        }

        if (ready.Count == 0)
        {
            return (0, failed);
        }

        try
        {
            await TransactionWriter.WriteAsync(context, direction, ready.SelectMany(t => t).Select(c => (mapper, ChangePayload.Read(c, table))).ToArray(), cancellationToken);
            await store.DequeueAsync(ready.SelectMany(t => t).Select(c => c.Sequence).ToArray(), cancellationToken);
            return (ready.Sum(t => t.Count), failed);
        }
        catch (LiveSyncFailure e) when (e.Type == ErrorType.System)
        {
            // The other side down is not the changes' fault: they stay in the lane for the next attempt.
            throw;
        }
        catch (LiveSyncFailure) when (ready.Count > 1)
        {
            // One transaction spoiled the batch: each on its own, in order, finds which.
            var replayed = 0L;
            foreach (var transaction in ready)
            {
                var (ok, bad) = await ReplayRunAsync(mapper, [transaction], context, blocked, cancellationToken);
                replayed += ok;
                failed += bad;
            }

            return (replayed, failed);
        }
        catch (LiveSyncFailure e)
        {
            return (0, failed + await FailAsync(ready[0], e.Message, blocked, cancellationToken));
        }
    }

    private async Task<long> FailAsync(List<QueuedChange> transaction, string reason, HashSet<string> blocked, CancellationToken cancellationToken)
    {
        foreach (var change in transaction)
        {
            await store.FailQueuedAsync(change, reason, cancellationToken);
            blocked.Add(change.Key);
        }

        return transaction.Count;
    }
}
