using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.InitialSync;

public sealed partial class InitialSyncRunner
{
    /// <summary>One company of one run: the merge, the decisions, and the stretches written and checkpointed.</summary>
    private sealed class CompanyRun(InitialSyncRunner owner, RowMapper mapper, SyncRun run, SyncProgress start, IReadOnlySet<string> skipKeys)
    {
        private readonly List<DataverseRowWrite> toDataverse = [];
        private readonly List<(RowKey Key, FinOpsWrite Write)> toFinOps = [];
        private readonly List<SyncRowError> errors = [];

        // Lookups to rows of the map's own table (an account's billing account) wait until the stretch is written:
        // the row they point at may be one of the rows being created.
        private readonly List<DataverseRowWrite> selfLookups = [];
        private readonly bool companySpecific = mapper.Map.CompanySpecific;

        // Worked out once per company rather than for every row on both sides.
        private readonly Dictionary<SyncDirection, string[]> sources = new()
        {
            [SyncDirection.FinOpsToDataverse] = SourcesOf(mapper.Map, SyncDirection.FinOpsToDataverse),
            [SyncDirection.DataverseToFinOps] = SourcesOf(mapper.Map, SyncDirection.DataverseToFinOps),
        };

        private readonly Dictionary<SyncDirection, string[]> oneWaySources = new()
        {
            [SyncDirection.FinOpsToDataverse] = OneWaySources(mapper.Map, SyncDirection.FinOpsToDataverse),
            [SyncDirection.DataverseToFinOps] = OneWaySources(mapper.Map, SyncDirection.DataverseToFinOps),
        };
        private string? company;
        private Guid? companyId;
        // Counts of the planning (rows read, left unchanged, refused by the mapping) and of the writes, apart: a
        // stretch is checkpointed with the planning up to its own last key, though the next one is planned meanwhile.
        private SyncCounts dv = start.ToDataverse;
        private SyncCounts fo = start.ToFinOps;
        private SyncCounts writtenDv = new();
        private SyncCounts writtenFo = new();
        private int settled;

        // Lookups to rows of the map's own table whose row was not there yet: tried again with the next stretch.
        private List<DataverseRowWrite> carried = [];

        public async Task<SyncProgress> RunAsync(CancellationToken cancellationToken)
        {
            company = companySpecific ? start.Company.ToLowerInvariant() : null;
            companyId = await KeyOrderedRead.CompanyIdAsync(owner.dataverse, company, cancellationToken);

            // Only a key of text fields can be resumed by a "greater than" filter; another kind of key starts the
            // company again, which is safe because what was written before is found already there.
            var textKey = mapper.Key.All(k => k.FinOps.Type == FieldType.String && k.DataverseLeaf.Type == FieldType.String);
            var after = start.LastKey is null || !textKey ? null : ReadCheckpoint(start.LastKey);
            var rows = KeyOrderedRead.MergeAsync(owner.finOps, owner.dataverse, mapper, company, companyId, after, owner.options.PageSize, readAhead: false, cancellationToken);

            // A stretch is written while the next one is read and planned; it is checkpointed once it is written, and
            // the next one starts writing only then, so checkpoints keep their order and one stretch is written at a time.
            RowKey? last = null;
            Stretch? writing = null;
            try
            {
                await foreach (var merged in rows)
                {
                    await SettleAsync(merged, cancellationToken);
                    last = merged.Key;
                    if (++settled % owner.options.CheckpointEvery == 0)
                    {
                        var next = Cut(last);
                        if (writing is not null)
                        {
                            await CheckpointAsync(writing, done: false, cancellationToken);
                        }

                        writing = StartWriting(next, cancellationToken);
                    }
                }
            }
            catch when (writing?.Writing is { } unfinished)
            {
                // Nothing is left writing once the run has stopped; the failure reported is the first one.
                await ((Task)unfinished).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            var final = Cut(last);
            if (writing is not null)
            {
                await CheckpointAsync(writing, done: false, cancellationToken);
            }

            return await CheckpointAsync(StartWriting(final, cancellationToken), done: true, cancellationToken);
        }

        private async Task SettleAsync(MergedRow merged, CancellationToken cancellationToken)
        {
            if (merged.FinOps is not null)
            {
                dv = dv with { Read = dv.Read + 1 };
            }

            if (merged.Dataverse is not null)
            {
                fo = fo with { Read = fo.Read + 1 };
            }

            if (skipKeys.Contains(merged.Key.ToString()))
            {
                dv = merged.FinOps is null ? dv : dv with { Skipped = dv.Skipped + 1 };
                fo = merged.Dataverse is null ? fo : fo with { Skipped = fo.Skipped + 1 };
                return;
            }

            switch (merged.FinOps, merged.Dataverse)
            {
                case ({ } finOpsRow, null) when Carries(mapper.Map, SyncDirection.FinOpsToDataverse):
                    PlanDataverse(mapper.ToDataverse(finOpsRow), existing: null);
                    break;
                case (null, { } dataverseRow) when Carries(mapper.Map, SyncDirection.DataverseToFinOps):
                    PlanFinOps(mapper.ToFinOps(dataverseRow), existing: null);
                    break;
                case ({ } finOpsRow, { } dataverseRow):
                    await PlanBothAsync(finOpsRow, dataverseRow, cancellationToken);
                    break;
            }
        }

        /// <summary>
        /// A row on both sides: the master's values go to the other side where they differ; fields that only ever
        /// travel from the other side (one-way mappings) still come from it.
        /// </summary>
        private async Task PlanBothAsync(Row finOpsRow, Row dataverseRow, CancellationToken cancellationToken)
        {
            // The row exists on both sides, so it is an update: a mapping with no source (a default for new rows) has
            // nothing to say about it.
            var masterWay = Of(run.Master);
            var toDv = masterWay == SyncDirection.FinOpsToDataverse
                ? mapper.ToDataverse(finOpsRow, sources[SyncDirection.FinOpsToDataverse])
                : OneWay(SyncDirection.FinOpsToDataverse, finOpsRow);
            var toFo = masterWay == SyncDirection.DataverseToFinOps
                ? mapper.ToFinOps(dataverseRow, sources[SyncDirection.DataverseToFinOps])
                : OneWay(SyncDirection.DataverseToFinOps, dataverseRow);
            if (toDv is not null)
            {
                if (toDv.Outcome == MapOutcome.Mapped && await RowComparison.HoldsAsync(dataverseRow, toDv, owner.writer.Lookups, companySpecific ? mapper.DataverseTable.CompanyField : null, cancellationToken))
                {
                    dv = dv with { Unchanged = dv.Unchanged + 1 };
                }
                else
                {
                    PlanDataverse(toDv, dataverseRow);
                }
            }

            if (toFo is not null)
            {
                if (toFo.Outcome == MapOutcome.Mapped && RowComparison.Holds(finOpsRow, toFo.Values))
                {
                    fo = fo with { Unchanged = fo.Unchanged + 1 };
                }
                else
                {
                    PlanFinOps(toFo, finOpsRow);
                }
            }
        }

        private static string[] SourcesOf(TableMap map, SyncDirection direction) =>
            map.Fields.Where(f => f.Carries(direction))
                .Select(f => direction == SyncDirection.FinOpsToDataverse ? f.FinOps : f.Dataverse?.Column)
                .OfType<string>()
                .ToArray();

        private MapResult? OneWay(SyncDirection direction, Row source)
        {
            var oneWay = oneWaySources[direction];
            return oneWay.Length == 0 ? null : mapper.Apply(direction, source, oneWay);
        }

        private void PlanDataverse(MapResult mapped, Row? existing)
        {
            if (!Record(mapped, SyncDirection.FinOpsToDataverse))
            {
                return;
            }

            var existingId = existing is null ? (Guid?)null : (Guid)existing[mapper.DataverseTable.PrimaryIdField!]!;
            var operation = existing is null ? DataverseOperation.Upsert : DataverseOperation.Update;
            var (write, own) = DataversePlan.Of(mapper, mapped, operation, company, companyId, existingId);
            toDataverse.Add(write);
            if (own is not null)
            {
                selfLookups.Add(own);
            }
        }

        private void PlanFinOps(MapResult mapped, Row? existing)
        {
            if (!Record(mapped, SyncDirection.DataverseToFinOps))
            {
                return;
            }

            var entity = mapper.FinOpsTable;
            if (existing is null)
            {
                toFinOps.Add((mapped.Key!, FinOpsWrite.Create(entity.Name, mapped.Values)));
                return;
            }

            var key = new RowKey(entity.Key.Select(k => new KeyValuePair<string, object?>(k, existing.GetValueOrDefault(k))).ToArray());
            var changes = new Row(mapped.Values.Where(v => !entity.Key.Contains(v.Key, StringComparer.OrdinalIgnoreCase)));
            toFinOps.Add((mapped.Key!, FinOpsWrite.Update(entity.Name, key, changes)));
        }

        /// <summary>Counts a mapping that will not be written; true when there is something to write.</summary>
        private bool Record(MapResult mapped, SyncDirection direction)
        {
            if (mapped.Outcome == MapOutcome.Failed)
            {
                foreach (var error in mapped.Errors)
                {
                    Fail(direction, mapped.Key, error.Field, error.Message + $" (value {error.Value})");
                }

                return false;
            }

            if (mapped.Outcome == MapOutcome.Mapped && mapped.Key!.Parts.Any(p => p.Value is null))
            {
                Fail(direction, mapped.Key, "key", "the row has no value for a key field, so it cannot be matched on the other side");
                return false;
            }

            if (mapped.Outcome == MapOutcome.Skipped)
            {
                (dv, fo) = direction == SyncDirection.FinOpsToDataverse ? (dv with { Skipped = dv.Skipped + 1 }, fo) : (dv, fo with { Skipped = fo.Skipped + 1 });
            }

            return mapped.Outcome == MapOutcome.Mapped;
        }

        private void Fail(SyncDirection direction, RowKey? key, string field, string message)
        {
            errors.Add(new SyncRowError(start.Company, direction, key?.ToString() ?? "?", field, message, owner.time.GetUtcNow()));
            if (direction == SyncDirection.FinOpsToDataverse)
            {
                dv = dv with { Failed = dv.Failed + 1 };
            }
            else
            {
                fo = fo with { Failed = fo.Failed + 1 };
            }
        }

        /// <summary>Ends the stretch being planned at <paramref name="last"/>: its writes, waiting lookups, counts and errors.</summary>
        private Stretch Cut(RowKey? last)
        {
            var stretch = new Stretch(last, toDataverse.ToArray(), toFinOps.ToArray(), selfLookups.ToArray(), dv, fo, [.. errors]);
            toDataverse.Clear();
            toFinOps.Clear();
            selfLookups.Clear();
            errors.Clear();
            return stretch;
        }

        private Stretch StartWriting(Stretch stretch, CancellationToken cancellationToken)
        {
            stretch.Writing = Task.WhenAll(
                owner.writer.WriteToDataverseAsync(stretch.ToDataverse, cancellationToken),
                owner.writer.WriteToFinOpsAsync(stretch.ToFinOps, cancellationToken));
            return stretch;
        }

        /// <summary>Waits for the stretch's writes, counts their outcomes, and checkpoints it together with its errors.</summary>
        private async Task<SyncProgress> CheckpointAsync(Stretch stretch, bool done, CancellationToken cancellationToken)
        {
            var written = await stretch.Writing!;
            for (var i = 0; i < stretch.ToDataverse.Length; i++)
            {
                var outcome = written[0][i];
                if (!outcome.Success)
                {
                    FailWrite(stretch, SyncDirection.FinOpsToDataverse, outcome);
                }
                else
                {
                    writtenDv = stretch.ToDataverse[i].Operation == DataverseOperation.Upsert ? writtenDv with { Created = writtenDv.Created + 1 } : writtenDv with { Updated = writtenDv.Updated + 1 };
                }
            }

            for (var i = 0; i < stretch.ToFinOps.Length; i++)
            {
                var outcome = written[1][i];
                if (!outcome.Success)
                {
                    FailWrite(stretch, SyncDirection.DataverseToFinOps, outcome);
                }
                else
                {
                    writtenFo = stretch.ToFinOps[i].Write.Operation == ChangeOperation.Create ? writtenFo with { Created = writtenFo.Created + 1 } : writtenFo with { Updated = writtenFo.Updated + 1 };
                }
            }

            await WriteSelfLookupsAsync(stretch, done, cancellationToken);
            var progress = new SyncProgress(
                start.Company,
                stretch.Last is null ? start.LastKey : CheckpointOf(stretch.Last, companySpecific),
                done,
                stretch.PlannedToDataverse + writtenDv,
                stretch.PlannedToFinOps + writtenFo);
            await owner.store.SaveSyncProgressAsync(run.Id, progress, stretch.Errors.ToArray(), cancellationToken);
            return progress;
        }

        /// <summary>
        /// Sets the lookups to rows of the same table once the stretch is written; those whose row is still missing
        /// wait for the next stretch, and fail the row when the company is done.
        /// </summary>
        private async Task WriteSelfLookupsAsync(Stretch stretch, bool done, CancellationToken cancellationToken)
        {
            var pending = carried.Concat(stretch.SelfLookups).ToArray();
            carried = [];
            if (pending.Length == 0)
            {
                return;
            }

            var outcomes = await owner.writer.WriteToDataverseAsync(pending, cancellationToken);
            for (var i = 0; i < pending.Length; i++)
            {
                if (outcomes[i].Success)
                {
                    continue;
                }

                if (!done && outcomes[i].Field is not null)
                {
                    carried.Add(pending[i]);
                }
                else
                {
                    FailWrite(stretch, SyncDirection.FinOpsToDataverse, outcomes[i]);
                }
            }
        }

        private void FailWrite(Stretch stretch, SyncDirection direction, RowWriteOutcome outcome)
        {
            stretch.Errors.Add(new SyncRowError(start.Company, direction, outcome.Key.ToString(), outcome.Field ?? "row", outcome.Message ?? "the write failed", owner.time.GetUtcNow()));
            if (direction == SyncDirection.FinOpsToDataverse)
            {
                writtenDv = writtenDv with { Failed = writtenDv.Failed + 1 };
            }
            else
            {
                writtenFo = writtenFo with { Failed = writtenFo.Failed + 1 };
            }
        }
    }
}
