using System.Diagnostics;
using DualWrite.Bench.Hosting;
using DualWrite.Bench.Measuring;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;

namespace DualWrite.Bench.InitialSync;

/// <summary>
/// The most the sync could hope for: the rate at which Dataverse's storage inserts the rows the sync wrote when
/// they are handed to it directly, with no HTTP, JSON, F&amp;O reads or mapping in between. The synced rows are
/// read back from the synced Dataverse and inserted as copies (new ids) into a fresh store on the same schema,
/// in transactions of the sync's batch size, with the same checks (keys, alternate keys, lookups) and change log.
/// </summary>
internal static class StorageBaseline
{
    private static readonly TimeSpan WriteWait = TimeSpan.FromMinutes(1);

    public static async Task<BaselineFigures> RunAsync(EnvironmentStore synced, WriteActor actor, string table, int batchSize, CancellationToken cancellationToken)
    {
        using var folder = TempFolder.Create("baseline");
        using var fresh = new EnvironmentStore(synced.Schema, Path.Combine(folder.Path, "dataverse.db"), TimeProvider.System);
        var target = synced.Schema.GetTable(table);
        await CopyRelatedRowsAsync(synced, fresh, actor, target, cancellationToken);

        var primaryId = target.PrimaryIdField ?? throw new InvalidOperationException($"{table} has no primary id");
        var selfLookups = target.Fields.Where(f => f.Type == FieldType.Lookup && string.Equals(f.LookupTarget, target.Name, StringComparison.OrdinalIgnoreCase)).ToArray();
        var copies = new Dictionary<Guid, Guid>();
        var pointingAhead = new List<(StoredRow Copy, Row Changes)>();
        var timer = new Stopwatch();
        using var process = Process.GetCurrentProcess();
        var processor = TimeSpan.Zero;
        var rows = 0L;
        var transactions = 0;
        PageCursor? after = null;
        while (true)
        {
            // Reading what to copy is not the storage's work on the sync's behalf, so the clock stops for it.
            var page = synced.Query(new RowQuery(target) { Take = batchSize, After = after });
            if (page.Rows.Count == 0)
            {
                break;
            }

            after = page.Cursors[^1];
            var processorBefore = ProcessorTime(process);
            timer.Start();
            await using (var transaction = await fresh.BeginWriteAsync(actor, WriteWait, cancellationToken))
            {
                foreach (var row in page.Rows)
                {
                    var (values, composed) = ValuesOf(target, row.Values);
                    var id = Guid.NewGuid();
                    copies[(Guid)row.Values[primaryId]!] = id;
                    values[primaryId] = id;

                    // A row may point at one copied later; like the sync's own second pass, it is set once that one exists.
                    var later = new Row();
                    foreach (var lookup in selfLookups)
                    {
                        if (values.GetValueOrDefault(lookup.Name) is Guid original)
                        {
                            if (copies.TryGetValue(original, out var copy))
                            {
                                values[lookup.Name] = copy;
                            }
                            else
                            {
                                values.Remove(lookup.Name);
                                later[lookup.Name] = original;
                            }
                        }
                    }

                    var inserted = transaction.Insert(target, values, composed);
                    if (later.Count > 0)
                    {
                        pointingAhead.Add((inserted, later));
                    }
                }

                transaction.Commit();
            }

            timer.Stop();
            processor += ProcessorTime(process) - processorBefore;
            rows += page.Rows.Count;
            transactions++;
        }

        if (pointingAhead.Count > 0)
        {
            var processorBefore = ProcessorTime(process);
            timer.Start();
            await using var transaction = await fresh.BeginWriteAsync(actor, WriteWait, cancellationToken);
            foreach (var (copy, changes) in pointingAhead)
            {
                var resolved = changes.Select(c => new KeyValuePair<string, object?>(c.Key, copies.TryGetValue((Guid)c.Value!, out var to) ? to : null));
                transaction.Update(target, copy, new Row(resolved));
            }

            transaction.Commit();
            timer.Stop();
            processor += ProcessorTime(process) - processorBefore;
            transactions++;
        }

        return new BaselineFigures(rows, timer.Elapsed) { Transactions = transactions, Processor = processor };
    }

    /// <summary>
    /// The rows the copies point at (companies, currencies, groups, terms, and what those point at in turn) go into
    /// the fresh store first, under their own ids, so the copies' lookups find them as the sync's did.
    /// </summary>
    private static async Task CopyRelatedRowsAsync(EnvironmentStore synced, EnvironmentStore fresh, WriteActor actor, TableSchema table, CancellationToken cancellationToken)
    {
        await using var transaction = await fresh.BeginWriteAsync(actor, WriteWait, cancellationToken);
        foreach (var related in Related(synced.Schema, table))
        {
            foreach (var row in synced.Query(new RowQuery(related)).Rows)
            {
                var (values, composed) = ValuesOf(related, row.Values);

                // Rows of the copied table are not in the fresh store; pointing back at them would fail the insert.
                foreach (var back in related.Fields.Where(f => string.Equals(f.LookupTarget, table.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    values.Remove(back.Name);
                }

                transaction.Insert(related, values, composed);
            }
        }

        transaction.Commit();
    }

    /// <summary>The tables <paramref name="table"/> reaches through its lookups, each after the tables it reaches itself.</summary>
    private static List<TableSchema> Related(EnvironmentSchema schema, TableSchema table)
    {
        var ordered = new List<TableSchema>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { table.Name };

        void Visit(TableSchema current)
        {
            foreach (var lookup in current.Fields.Where(f => f.Type == FieldType.Lookup && f.LookupTarget is not null))
            {
                if (seen.Add(lookup.LookupTarget!))
                {
                    var target = schema.GetTable(lookup.LookupTarget!);
                    Visit(target);
                    ordered.Add(target);
                }
            }
        }

        Visit(table);
        return ordered;
    }

    private static TimeSpan ProcessorTime(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>A stored row's values as a create takes them: set by the caller, or composed by the environment.</summary>
    private static (Row Values, Row Composed) ValuesOf(TableSchema table, Row stored)
    {
        var values = new Row();
        var composed = new Row();
        foreach (var field in table.Fields)
        {
            if (stored.GetValueOrDefault(field.Name) is { } value)
            {
                (field.IsValidForCreate ? values : composed)[field.Name] = value;
            }
        }

        return (values, composed);
    }
}
