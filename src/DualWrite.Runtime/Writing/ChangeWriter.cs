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
    public LookupResolver Lookups => lookups;

    public async Task<IReadOnlyList<RowWriteOutcome>> WriteToDataverseAsync(IReadOnlyList<DataverseRowWrite> rows, CancellationToken cancellationToken)
    {
        var outcomes = new RowWriteOutcome?[rows.Count];
        var ready = new List<(int Index, DataverseWrite Write)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var binds = new Dictionary<string, Guid?>(StringComparer.OrdinalIgnoreCase);
            foreach (var lookup in row.Lookups)
            {
                var id = await lookups.ResolveAsync(lookup, cancellationToken);
                if (id is null)
                {
                    outcomes[i] = new RowWriteOutcome(row.Key, false, lookup.Path, LookupResolver.Describe(lookup, row.Company));
                    break;
                }

                binds[lookup.Column] = id;
            }

            if (outcomes[i] is null)
            {
                ready.Add((i, new DataverseWrite(row.Table, row.Operation, row.Address, row.Values, binds)));
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
