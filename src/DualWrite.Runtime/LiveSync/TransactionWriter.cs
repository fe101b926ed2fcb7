using DualWrite.Connectors;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Maps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Monitoring;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Writes the changes of one source transaction to the other side, for live sync and catch-up alike: each change
/// through its map's row mapper (a change that touches no mapped field sends nothing), then all the rows as one
/// change set through the change writer, in order. Any failure fails the whole, with a message that names the
/// map, and nothing is written.
/// </summary>
/// <remarks>
/// A change that touches a mapped field sends the row's whole mapped state, not only the fields that changed,
/// so that a row missing on the other side is created whole and both sides end the same.
/// </remarks>
internal static class TransactionWriter
{
    public static async Task WriteAsync(LiveContext context, SyncDirection direction, IReadOnlyList<(RowMapper Mapper, SourceChange Change)> changes, CancellationToken cancellationToken)
    {
        try
        {
            if (direction == SyncDirection.FinOpsToDataverse)
            {
                await ToDataverseAsync(context, changes, cancellationToken);
            }
            else
            {
                await ToFinOpsAsync(context, changes, cancellationToken);
            }
        }
        catch (ConnectorException e) when (!cancellationToken.IsCancellationRequested)
        {
            var map = changes[0].Mapper.Map.Name;
            var (type, status) = e.Status is >= 400 and < 500 and not 408 and not 429 ? (ErrorType.Application, 422) : (ErrorType.System, 502);
            throw new LiveSyncFailure(map, string.Empty, type, status, $"{map}: {Side(direction)} refused or could not be reached: {e.Message}");
        }
    }

    private static async Task ToDataverseAsync(LiveContext context, IReadOnlyList<(RowMapper Mapper, SourceChange Change)> changes, CancellationToken cancellationToken)
    {
        var dataverse = context.Environments.Dataverse;
        var rows = new List<DataverseRowWrite>();
        var maps = new List<string>();

        // Rows written earlier in the same change set are not there yet to be found, but will be when it runs.
        var upserted = new HashSet<RowKey>();
        foreach (var (mapper, change) in changes)
        {
            if (Gate(mapper, SyncDirection.FinOpsToDataverse, change) is not { } mapped)
            {
                continue;
            }

            var company = mapper.Map.CompanySpecific ? mapped.Key!.Parts[0].Value as string : null;
            var companyId = company is null ? null : await context.CompanyIdAsync(company, cancellationToken);
            if (change.Operation == ChangeOperation.Delete)
            {
                var (probe, _) = DataversePlan.Of(mapper, mapped, DataverseOperation.Delete, company, companyId);
                if (upserted.Remove(mapped.Key!))
                {
                    rows.Add(probe);
                    maps.Add(mapper.Map.Name);
                }
                else if (await dataverse.FindIdAsync(probe.Table, probe.Address!.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase), cancellationToken) is { } id)
                {
                    rows.Add(DataversePlan.Of(mapper, mapped, DataverseOperation.Delete, company, companyId, id).Write);
                    maps.Add(mapper.Map.Name);
                }

                continue;
            }

            upserted.Add(mapped.Key!);
            var (write, own) = DataversePlan.Of(mapper, mapped, DataverseOperation.Upsert, company, companyId);
            rows.Add(write);
            maps.Add(mapper.Map.Name);
            if (own is not null)
            {
                rows.Add(own);
                maps.Add(mapper.Map.Name);
            }
        }

        if (await context.Writer.WriteTransactionToDataverseAsync(rows, cancellationToken) is { } failed)
        {
            throw Failure(maps[rows.FindIndex(r => r.Key.Equals(failed.Key))], failed, SyncDirection.FinOpsToDataverse);
        }
    }

    private static async Task ToFinOpsAsync(LiveContext context, IReadOnlyList<(RowMapper Mapper, SourceChange Change)> changes, CancellationToken cancellationToken)
    {
        var finOps = context.Environments.FinOps;
        var expander = new LookupExpander(context.Environments.Dataverse);
        var rows = new List<(RowKey Key, FinOpsWrite Write)>();
        var maps = new List<string>();

        // Whether each row exists once the writes planned so far are applied: later changes to it build on them.
        var exists = new Dictionary<RowKey, bool>();
        foreach (var (mapper, change) in changes)
        {
            var values = new Row(change.Values);
            await expander.ExpandAsync(mapper, values, cancellationToken);
            if (Gate(mapper, SyncDirection.DataverseToFinOps, change with { Values = values }) is not { } mapped)
            {
                continue;
            }

            var entity = mapper.FinOpsTable;
            var key = new RowKey(entity.Key.Select(k => new KeyValuePair<string, object?>(k, mapped.Values.GetValueOrDefault(k))).ToArray());
            if (!exists.TryGetValue(key, out var there))
            {
                there = await finOps.ReadAsync(entity.Name, key, cancellationToken) is not null;
            }

            exists[key] = change.Operation != ChangeOperation.Delete;
            FinOpsWrite? write = change.Operation switch
            {
                ChangeOperation.Delete => there ? FinOpsWrite.Delete(entity.Name, key) : null,
                _ when !there => FinOpsWrite.Create(entity.Name, mapped.Values),
                _ => FinOpsWrite.Update(entity.Name, key, new Row(mapped.Values.Where(v => !entity.Key.Contains(v.Key, StringComparer.OrdinalIgnoreCase)))),
            };
            if (write is not null)
            {
                rows.Add((mapped.Key!, write));
                maps.Add(mapper.Map.Name);
            }
        }

        if (await context.Writer.WriteTransactionToFinOpsAsync(rows, cancellationToken) is { } failed)
        {
            throw Failure(maps[rows.FindIndex(r => r.Key.Equals(failed.Key))], failed, SyncDirection.DataverseToFinOps);
        }
    }

    /// <summary>
    /// The row to write for a change, or null when there is nothing to send: the change touched no mapped field,
    /// or the row is outside the map. A row the mapping refuses fails the transaction.
    /// </summary>
    private static MapResult? Gate(RowMapper mapper, SyncDirection direction, SourceChange change)
    {
        var changed = change.Operation == ChangeOperation.Update ? mapper.Apply(direction, change.Values, change.ChangedFields) : null;
        if (changed is { Outcome: MapOutcome.Unchanged or MapOutcome.Skipped })
        {
            return null;
        }

        var mapped = mapper.Apply(direction, change.Values);
        switch (mapped.Outcome)
        {
            case MapOutcome.Failed:
                var error = mapped.Errors[0];
                throw new LiveSyncFailure(mapper.Map.Name, mapped.Key?.ToString() ?? string.Empty, ErrorType.Application, 422, $"{mapper.Map.Name}: {error.Field}: {error.Message} (value {error.Value})");
            case MapOutcome.Mapped when mapped.Key!.Parts.Any(p => p.Value is null):
                throw new LiveSyncFailure(mapper.Map.Name, mapped.Key.ToString(), ErrorType.Application, 422, $"{mapper.Map.Name}: the row has no value for a key field, so it cannot be matched on {Side(direction)}");
            case MapOutcome.Mapped:
                return mapped;
            default:
                return null;
        }
    }

    private static LiveSyncFailure Failure(string map, RowWriteOutcome failed, SyncDirection direction) =>
        new(map, failed.Key.ToString(), ErrorType.Application, 422, $"{map}: {failed.Message ?? $"{Side(direction)} refused the row"}");

    private static string Side(SyncDirection direction) => direction == SyncDirection.FinOpsToDataverse ? "Dataverse" : "F&O";
}
