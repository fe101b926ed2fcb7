using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Runtime.Writing;

/// <summary>
/// The one way rows are written, whatever path they come from: lookups resolved (a lookup that finds nothing
/// fails that row only), rows cut into batches, several batches in flight, every row's outcome returned in the
/// order given. A batch goes first as one change set, which the service writes in one transaction; only when it
/// fails is it sent again row by row, so that one bad row fails alone. The connectors back off on 429 underneath.
/// </summary>
public sealed class ChangeWriter(FinOpsClient finOps, DataverseClient dataverse, LookupResolver lookups, ChangeWriterOptions options)
{
    /// <summary>The status of a write in a failed change set that was only rolled back with the one that failed.</summary>
    private const int RolledBack = 424;

    public LookupResolver Lookups => lookups;

    /// <summary>Batches kept in flight at once; reads made for the same work run as many.</summary>
    public int Parallelism => options.Parallelism;

    public async Task<IReadOnlyList<RowWriteOutcome>> WriteToDataverseAsync(IReadOnlyList<DataverseRowWrite> rows, CancellationToken cancellationToken)
    {
        var outcomes = new RowWriteOutcome?[rows.Count];
        var ready = new List<(int Index, DataverseWrite Write)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (write, failure) = await ResolveAsync(rows[i], cancellationToken);
            if (write is null)
            {
                outcomes[i] = failure;
            }
            else
            {
                ready.Add((i, write));
            }
        }

        await RunBatchesAsync(ready, async batch =>
        {
            var writes = batch.Select(b => b.Write).ToArray();
            var results = await Fallback(await WholeAsync(writes, cancellationToken), r => r.Success, () => dataverse.WriteAsync(writes, atomic: false, cancellationToken));
            foreach (var result in results)
            {
                var (index, write) = batch[result.Index];
                outcomes[index] = new RowWriteOutcome(rows[index].Key, result.Success, null, result.Message);
                if (result is { Success: true, Id: { } id } && write is { Operation: not DataverseOperation.Delete, Key: { Id: null } key })
                {
                    lookups.Remember(write.Table, key.Values, id);
                }
            }
        });
        return outcomes.Select(o => o!).ToArray();
    }

    public async Task<IReadOnlyList<RowWriteOutcome>> WriteToFinOpsAsync(IReadOnlyList<(RowKey Key, FinOpsWrite Write)> rows, CancellationToken cancellationToken)
    {
        var outcomes = new RowWriteOutcome?[rows.Count];
        await RunBatchesAsync(rows.Select((r, i) => (Index: i, r.Write)).ToList(), async batch =>
        {
            var writes = batch.Select(b => b.Write).ToArray();
            var results = await Fallback(await finOps.WriteAsync(writes, atomic: true, cancellationToken), r => r.Success, () => finOps.WriteAsync(writes, atomic: false, cancellationToken));
            foreach (var result in results)
            {
                var index = batch[result.Index].Index;
                outcomes[index] = new RowWriteOutcome(rows[index].Key, result.Success, null, result.Message);
            }
        });
        return outcomes.Select(o => o!).ToArray();
    }

    /// <summary>
    /// One source transaction's rows, all or nothing and in their order: every lookup is resolved first, so that
    /// one that finds nothing fails the transaction before anything is sent, then the rows go as one change set.
    /// </summary>
    /// <returns>Null when every row was written; otherwise the row that failed the transaction, and why.</returns>
    public async Task<RowWriteOutcome?> WriteTransactionToDataverseAsync(IReadOnlyList<DataverseRowWrite> rows, CancellationToken cancellationToken)
    {
        var writes = new List<DataverseWrite>(rows.Count);
        foreach (var row in rows)
        {
            var (write, failure) = await ResolveAsync(row, cancellationToken);
            if (write is null)
            {
                return failure;
            }

            writes.Add(write);
        }

        return writes.Count == 0 ? null : FirstFailure(await dataverse.WriteAsync(writes, atomic: true, cancellationToken), r => (r.Index, r.Success, r.Status, r.Message), rows.Select(r => r.Key).ToArray());
    }

    /// <summary>One source transaction's rows to F&amp;O as one change set, all or nothing and in their order.</summary>
    /// <returns>Null when every row was written; otherwise the row that failed the transaction, and why.</returns>
    public async Task<RowWriteOutcome?> WriteTransactionToFinOpsAsync(IReadOnlyList<(RowKey Key, FinOpsWrite Write)> rows, CancellationToken cancellationToken) =>
        rows.Count == 0
            ? null
            : FirstFailure(await finOps.WriteAsync(rows.Select(r => r.Write).ToArray(), atomic: true, cancellationToken), r => (r.Index, r.Success, r.Status, r.Message), rows.Select(r => r.Key).ToArray());

    /// <summary>
    /// The write that failed a change set: the one that says why rather than one only rolled back with it (424).
    /// </summary>
    private static RowWriteOutcome? FirstFailure<T>(IReadOnlyList<T> results, Func<T, (int Index, bool Success, int Status, string? Message)> read, RowKey[] keys)
    {
        var failed = results.Select(read).Where(r => !r.Success).OrderBy(r => r.Status == RolledBack ? 1 : 0).ThenBy(r => r.Index).ToArray();
        return failed.Length == 0 ? null : new RowWriteOutcome(keys[failed[0].Index], false, null, failed[0].Message);
    }

    /// <summary>A row with its lookups bound to ids, or the lookup that found nothing.</summary>
    private async Task<(DataverseWrite? Write, RowWriteOutcome? Failure)> ResolveAsync(DataverseRowWrite row, CancellationToken cancellationToken)
    {
        var binds = new Dictionary<string, Guid?>(StringComparer.OrdinalIgnoreCase);
        foreach (var lookup in row.Lookups)
        {
            if (await lookups.ResolveAsync(lookup, cancellationToken) is not { } id)
            {
                return (null, new RowWriteOutcome(row.Key, false, lookup.Path, LookupResolver.Describe(lookup, row.Company)));
            }

            binds[lookup.Column] = id;
        }

        return (new DataverseWrite(row.Table, row.Operation, row.Address, row.Values, binds), null);
    }

    /// <summary>
    /// A batch as one transaction: upserts of one table by key as one UpsertMultiple request, anything else as
    /// one change set. A refusal comes back as failed outcomes, for the row-by-row fallback.
    /// </summary>
    private async Task<IReadOnlyList<DataverseWriteOutcome>> WholeAsync(DataverseWrite[] writes, CancellationToken cancellationToken)
    {
        if (writes.Length == 0 || writes.Any(w => w.Operation != DataverseOperation.Upsert || w.Key is null || w.Table != writes[0].Table))
        {
            return await dataverse.WriteAsync(writes, atomic: true, cancellationToken);
        }

        try
        {
            var ids = await dataverse.UpsertMultipleAsync(writes[0].Table, writes, cancellationToken);
            return ids.Select((id, i) => new DataverseWriteOutcome(i, true, 200, null, id)).ToArray();
        }
        catch (Connectors.ConnectorException e) when (e.Status is >= 400 and < 500)
        {
            return writes.Select((_, i) => new DataverseWriteOutcome(i, false, e.Status.Value, e.Message, null)).ToArray();
        }
    }

    /// <summary>The change set's outcomes when all rows were written; otherwise the rows again, each on its own.</summary>
    private static async Task<IReadOnlyList<T>> Fallback<T>(IReadOnlyList<T> whole, Func<T, bool> succeeded, Func<Task<IReadOnlyList<T>>> oneByOne) =>
        whole.All(succeeded) ? whole : await oneByOne();

    private async Task RunBatchesAsync<T>(List<(int Index, T Write)> writes, Func<List<(int Index, T Write)>, Task> send)
    {
        var batches = writes.Chunk(options.BatchSize).Select(c => c.ToList()).ToList();
        using var slots = new SemaphoreSlim(options.Parallelism);
        var sending = batches.Select(async batch =>
        {
            await slots.WaitAsync();
            try
            {
                await send(batch);
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(sending);
    }
}
