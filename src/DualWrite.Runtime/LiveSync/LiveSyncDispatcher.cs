using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Maps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Monitoring;
using DualWrite.Runtime.Queue;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Takes a source transaction inside its user's transaction: every change goes to the maps whose source it is,
/// by their state. Running maps write it to the other side at once, all their rows in one change set; maps that
/// are Initializing, Paused or Resuming append it to their lane, durably, to replay later. The answer comes only
/// when both are done, and any failure undoes the lane appends and fails the user's transaction with its reason,
/// which also goes to the error log. A failure also undoes what was taken for earlier operations of the same
/// Dataverse transaction (<see cref="OpenTransactions"/>).
/// </summary>
internal sealed class LiveSyncDispatcher(IRuntimeStore store, LiveSyncOptions options, QueueBound bound, Alerts alerts, TimeProvider time)
{
    private const int SettleAttempts = 5;
    private readonly DirectionGate gate = new(options.ConcurrencyWait, time);
    private readonly OpenTransactions open = new(time, options.CommitWait);

    /// <summary>How many Dataverse transactions have operations taken but no commit seen.</summary>
    public int OpenCount => open.Count;

    public async Task<HookVerdict> DispatchAsync(SourceTransaction transaction, LiveContext context, CancellationToken cancellationToken)
    {
        HookVerdict verdict;
        try
        {
            verdict = await DispatchOnceAsync(transaction, context, cancellationToken);
        }
        catch when (transaction.Correlation is { } correlation)
        {
            await UndoAsync(correlation, context);
            throw;
        }

        if (!verdict.IsAccepted && transaction.Correlation is { } refused)
        {
            await UndoAsync(refused, context);
        }

        return verdict;
    }

    /// <summary>The Dataverse transaction committed: what was taken for its operations stays as it is.</summary>
    public void Committed(string correlation) => open.Commit(correlation);

    /// <summary>
    /// Makes the rows of the Dataverse transactions whose commit note is overdue equal to what Dataverse holds now,
    /// through live sync or the lanes as their maps' states say. A transaction that rolled back without live sync
    /// seeing why is put right this way; one that committed, whose note was lost, changes nothing.
    /// </summary>
    /// <returns>How many rows were looked at again.</returns>
    public async Task<int> SettleAsync(LiveContext context, CancellationToken cancellationToken)
    {
        var settled = 0;
        foreach (var overdue in open.TakeOverdue())
        {
            var changes = new List<SourceChange>();
            foreach (var row in overdue.Touched.GroupBy(t => (t.Mapper.DataverseTable, Id: (Guid)t.Change.Values[t.Mapper.DataverseTable.PrimaryIdField!]!)))
            {
                var (table, id) = row.Key;
                var last = row.Last().Change;
                changes.Add(await context.Environments.Dataverse.ReadAsync(table.Name, DataverseKey.ById(id), cancellationToken) is { } now
                    ? new SourceChange(changes.Count, table.EntitySet, ChangeOperation.Update, now, null)
                    : new SourceChange(changes.Count, table.EntitySet, ChangeOperation.Delete, last.Values, null));
            }

            var verdict = await DispatchAsync(new SourceTransaction(HookSource.Dataverse, $"unconfirmed {overdue.Correlation}", null, changes), context, cancellationToken);
            if (verdict.IsAccepted)
            {
                settled += changes.Count;
            }
            else if (++overdue.Attempts < SettleAttempts)
            {
                open.Return(overdue);
            }
        }

        return settled;
    }

    private async Task<HookVerdict> DispatchOnceAsync(SourceTransaction transaction, LiveContext context, CancellationToken cancellationToken)
    {
        var direction = transaction.Source == HookSource.FinOps ? SyncDirection.FinOpsToDataverse : SyncDirection.DataverseToFinOps;

        // A map may move between reading its state and appending to its lane; the store refuses such an append,
        // and the changes are sorted again by the new states.
        for (var attempt = 1; ; attempt++)
        {
            var (live, queued) = await SortAsync(transaction, context, direction, cancellationToken);
            if (live.Count == 0 && queued.Count == 0)
            {
                return HookVerdict.Accepted;
            }

            var first = (live.Count > 0 ? live : queued)[0].Mapper.Map.Name;
            if (transaction.Changes.Count > options.MaxRecordsPerTransaction)
            {
                return await RefuseAsync(transaction, direction, context, new LiveSyncFailure(first, string.Empty, ErrorType.Application, 413,
                    $"{first}: the transaction changes {transaction.Changes.Count:N0} records, more than the {options.MaxRecordsPerTransaction:N0} one transaction may carry; split it into smaller transactions"), cancellationToken);
            }

            // Only writing to the other side needs the other side's transactions out of the way; queueing does not.
            using var pass = live.Count == 0 ? null : await gate.EnterAsync(transaction.Source, cancellationToken);
            if (live.Count > 0 && pass is null)
            {
                return await RefuseAsync(transaction, direction, context, new LiveSyncFailure(first, string.Empty, ErrorType.Concurrency, 409,
                    $"{first}: a concurrent change from the other side is being written; the change was not saved, try again"), cancellationToken);
            }

            IReadOnlyList<long>? appended = [];
            try
            {
                appended = await EnqueueAsync(transaction, queued, context, direction, cancellationToken);
                if (appended is null)
                {
                    if (attempt < 3)
                    {
                        continue;
                    }

                    throw new LiveSyncFailure(first, string.Empty, ErrorType.Concurrency, 409, $"{first}: the map changed state while the change was taken; the change was not saved, try again");
                }

                await WriteLiveAsync(live, context, direction, first, cancellationToken);
                if (transaction.Correlation is { } correlation)
                {
                    open.Add(correlation, live, queued, appended);
                }

                return HookVerdict.Accepted;
            }
            catch (LiveSyncFailure failure)
            {
                if (appended is { Count: > 0 })
                {
                    await store.DequeueAsync(appended, CancellationToken.None);
                }

                return await RefuseAsync(transaction, direction, context, failure, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Undoes what was taken for the earlier operations of a Dataverse transaction that is failing: their lane
    /// entries go, and their rows on F&amp;O are put back as the operations' images had them, newest first, in one
    /// change set. What cannot be undone so (no image, or F&amp;O refuses) is made equal to Dataverse once the
    /// commit note is overdue.
    /// </summary>
    private async Task UndoAsync(string correlation, LiveContext context)
    {
        if (open.Take(correlation) is not { } earlier)
        {
            return;
        }

        if (earlier.Appended.Count > 0)
        {
            await store.DequeueAsync(earlier.Appended, CancellationToken.None);
            earlier.Appended.Clear();
        }

        var undo = earlier.Written.AsEnumerable().Reverse().Select(w => (w.Mapper, Change: Undo(w.Change))).ToList();
        if (undo.Count == 0)
        {
            return;
        }

        if (undo.Any(u => u.Change is null))
        {
            open.Return(earlier);
            return;
        }

        try
        {
            await TransactionWriter.WriteAsync(context, SyncDirection.DataverseToFinOps, undo.Select(u => (u.Mapper, u.Change!)).ToList(), CancellationToken.None);
        }
        catch (LiveSyncFailure failure)
        {
            await store.AppendErrorAsync(
                new ErrorEntry(0, time.GetUtcNow(), failure.Map, SyncDirection.DataverseToFinOps, failure.Key, correlation, failure.Type,
                    $"{failure.Message} (undoing the rows an earlier operation of the failed Dataverse transaction wrote; they are made equal to Dataverse in {options.CommitWait.TotalSeconds:0} seconds)", null),
                CancellationToken.None);
            open.Return(earlier);
        }
    }

    /// <summary>The change that puts a row back as it was before <paramref name="change"/>; null without the image to do it.</summary>
    private static SourceChange? Undo(SourceChange change) => change.Operation switch
    {
        ChangeOperation.Create => change with { Operation = ChangeOperation.Delete, ChangedFields = null },
        ChangeOperation.Update when change.Before is { } before => change with { Values = before, ChangedFields = null, Before = null },
        ChangeOperation.Update => null,
        _ => change with { Operation = ChangeOperation.Create, ChangedFields = null },
    };

    /// <summary>The changes of the transaction for each map whose source they are: to write now, and to queue.</summary>
    private async Task<(List<(RowMapper Mapper, SourceChange Change)> Live, List<(RowMapper Mapper, SourceChange Change)> Queued)> SortAsync(
        SourceTransaction transaction, LiveContext context, SyncDirection direction, CancellationToken cancellationToken)
    {
        var states = await store.GetStatesAsync(cancellationToken);
        var live = new List<(RowMapper Mapper, SourceChange Change)>();
        var queued = new List<(RowMapper Mapper, SourceChange Change)>();
        foreach (var change in transaction.Changes.OrderBy(c => c.Sequence))
        {
            foreach (var mapper in context.For(change.Table, direction))
            {
                switch (states.GetValueOrDefault(mapper.Map.Name, MapState.NotRunning))
                {
                    case MapState.Running:
                        live.Add((mapper, change));
                        break;
                    case MapState.Initializing or MapState.Paused or MapState.Resuming:
                        queued.Add((mapper, change));
                        break;
                }
            }
        }

        return (live, queued);
    }

    private async Task WriteLiveAsync(List<(RowMapper Mapper, SourceChange Change)> live, LiveContext context, SyncDirection direction, string first, CancellationToken cancellationToken)
    {
        if (live.Count == 0)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.TransactionTimeout);
        try
        {
            await TransactionWriter.WriteAsync(context, direction, live, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LiveSyncFailure(first, string.Empty, ErrorType.System, 504,
                $"{first}: {(direction == SyncDirection.FinOpsToDataverse ? "Dataverse" : "F&O")} did not take the transaction within {options.TransactionTimeout.TotalSeconds:0.##} seconds; the change was not saved");
        }
    }

    private async Task<IReadOnlyList<long>?> EnqueueAsync(
        SourceTransaction transaction, List<(RowMapper Mapper, SourceChange Change)> queued, LiveContext context, SyncDirection direction, CancellationToken cancellationToken)
    {
        if (queued.Count == 0)
        {
            return [];
        }

        var expander = new LookupExpander(context.Environments.Dataverse);
        var changes = new List<QueuedChange>(queued.Count);
        foreach (var (mapper, change) in queued)
        {
            var table = direction == SyncDirection.FinOpsToDataverse ? mapper.FinOpsTable : mapper.DataverseTable;
            var key = await KeyOfAsync(mapper, change, direction, expander, cancellationToken);
            changes.Add(new QueuedChange(0, mapper.Map.Name, transaction.Source, transaction.TransactionId, change.Table, change.Operation, key, ChangePayload.Write(change, table), time.GetUtcNow()));
        }

        if (await bound.CheckAsync(changes.Sum(c => (long)c.Payload.Length), cancellationToken) is { } full)
        {
            throw new LiveSyncFailure(changes[0].Map, string.Empty, ErrorType.System, 507, $"{changes[0].Map}: {full}");
        }

        return await store.EnqueueAsync(changes, cancellationToken);
    }

    /// <summary>The changes of the transaction to the map's source table, as a JSON array of their payloads.</summary>
    private static string Payload(SourceTransaction transaction, Core.Schema.TableSchema table) =>
        "[" + string.Join(",", transaction.Changes.Where(c => string.Equals(c.Table, table.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Table, table.EntitySet, StringComparison.OrdinalIgnoreCase))
            .Select(c => ChangePayload.Write(c, table))) + "]";

    /// <summary>The change's integration key; a Dataverse row's company comes through its lookup.</summary>
    private static async Task<string> KeyOfAsync(RowMapper mapper, SourceChange change, SyncDirection direction, LookupExpander expander, CancellationToken cancellationToken)
    {
        if (direction == SyncDirection.FinOpsToDataverse)
        {
            return mapper.KeyOfFinOps(change.Values).ToString();
        }

        var values = new Row(change.Values);
        await expander.ExpandAsync(mapper, values, cancellationToken);
        return mapper.KeyOfDataverse(values).ToString();
    }

    private async Task<HookVerdict> RefuseAsync(SourceTransaction transaction, SyncDirection direction, LiveContext context, LiveSyncFailure failure, CancellationToken cancellationToken)
    {
        var payload = (await store.GetDebugMapsAsync(cancellationToken)).Contains(failure.Map) && context.Find(failure.Map) is { } mapper
            ? Payload(transaction, direction == SyncDirection.FinOpsToDataverse ? mapper.FinOpsTable : mapper.DataverseTable)
            : null;
        await store.AppendErrorAsync(
            new ErrorEntry(0, time.GetUtcNow(), failure.Map, direction, failure.Key, transaction.TransactionId, failure.Type, failure.Message, payload),
            cancellationToken);
        await alerts.OnErrorAsync(failure.Map, cancellationToken);
        return new HookVerdict(failure.Status, failure.Message);
    }
}
