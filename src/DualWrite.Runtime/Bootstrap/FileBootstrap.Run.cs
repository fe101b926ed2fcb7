using System.Collections.Concurrent;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Bootstrap;

public sealed partial class FileBootstrap
{
    /// <summary>Keys asked for in one read of existing rows; several such reads run at once.</summary>
    private const int KeysPerRead = 100;

    /// <summary>One run over one file: its counts, its companies' ids, and the lookups to rows of the same table still waiting.</summary>
    private sealed class Run(FileBootstrap owner, BootstrapErrorFile errors)
    {
        private readonly RowMapper mapper = owner.mapper;
        private readonly Dictionary<string, long> unlinked = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Guid?> companyIds = new(StringComparer.OrdinalIgnoreCase);
        private readonly string[] expand = owner.mapper.DataverseReadPaths.Where(p => p.Segments.Count == 2).Select(p => p.ToString()).ToArray();
        private readonly string? companyField = owner.mapper.Map.CompanySpecific ? owner.mapper.DataverseTable.CompanyField : null;

        // A lookup to a row of the map's own table (an account's invoice account) may name a row of the next batch; it
        // waits for that one batch, and fails after it, so what waits stays bounded.
        private List<(long Line, DataverseRowWrite Write)> waiting = [];

        public SyncCounts Counts { get; private set; } = new();

        public IReadOnlyDictionary<string, long> UnlinkedCompanies => new SortedDictionary<string, long>(unlinked, StringComparer.Ordinal);

        /// <summary>Settles one batch of rows; <paramref name="final"/> after the last, for the lookups still waiting.</summary>
        public async Task SettleAsync(FileBootstrapRow[] rows, bool final, CancellationToken cancellationToken)
        {
            Counts = Counts with { Read = Counts.Read + rows.Length };
            var admitted = new List<FileBootstrapRow>(rows.Length);
            foreach (var row in rows)
            {
                if (await AdmitAsync(row, cancellationToken))
                {
                    admitted.Add(row);
                }
            }

            var writes = new List<(long Line, DataverseRowWrite Write)>();
            var ownLookups = new List<(long Line, DataverseRowWrite Write)>();
            foreach (var company in admitted.GroupBy(r => companyField is null ? string.Empty : (string)r.Mapped!.Key!.Parts[0].Value!, StringComparer.OrdinalIgnoreCase))
            {
                Guid? companyId = null;
                if (companyField is not null && (companyId = await CompanyIdAsync(company.Key, cancellationToken)) is null)
                {
                    foreach (var row in company)
                    {
                        await FailAsync(row.Line, row.Mapped!.Key!, $"the company '{company.Key}' has no cdm_company row in Dataverse; link the company first", cancellationToken);
                    }

                    continue;
                }

                var existing = await ExistingAsync([.. company], companyId, cancellationToken);
                foreach (var row in company)
                {
                    await PlanAsync(row, existing.GetValueOrDefault(row.Mapped!.Key!), companyId, writes, ownLookups, cancellationToken);
                }
            }

            await WriteAsync(writes, cancellationToken);
            await WriteOwnLookupsAsync(ownLookups, final, cancellationToken);
        }

        /// <summary>Counts a row that goes no further (unreadable, skipped, refused by the mapping); true when it does.</summary>
        private async Task<bool> AdmitAsync(FileBootstrapRow row, CancellationToken cancellationToken)
        {
            if (row.Mapped is not { } mapped)
            {
                await FailAsync(row.Line, row.Key, row.Failure!, cancellationToken);
                return false;
            }

            var company = companyField is null ? null : mapped.Key?.Parts[0].Value as string;
            switch (mapped.Outcome)
            {
                case MapOutcome.Skipped when companyField is not null && company is null:
                    await FailAsync(row.Line, row.Key, $"the row has no {mapper.FinOpsTable.CompanyField}, so its company is not known", cancellationToken);
                    return false;
                case MapOutcome.Skipped:
                    if (company is not null && !owner.linked.Contains(company))
                    {
                        unlinked[company] = unlinked.GetValueOrDefault(company) + 1;
                    }

                    Counts = Counts with { Skipped = Counts.Skipped + 1 };
                    return false;
                case MapOutcome.Failed:
                    await FailAsync(row.Line, mapped.Key ?? row.Key, string.Join("; ", mapped.Errors.Select(e => $"{e.Field}: {e.Message} (value {e.Value})")), cancellationToken);
                    return false;
                case MapOutcome.Mapped when mapped.Key!.Parts.Any(p => p.Value is null):
                    await FailAsync(row.Line, mapped.Key, "the row has no value for a key field, so it cannot be matched in Dataverse", cancellationToken);
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>The Dataverse rows of the company that have the batch's keys, by integration key, read a slice of keys at a time, several at once.</summary>
        private async Task<ConcurrentDictionary<RowKey, Row>> ExistingAsync(FileBootstrapRow[] rows, Guid? companyId, CancellationToken cancellationToken)
        {
            var found = new ConcurrentDictionary<RowKey, Row>();
            var common = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (companyId is { } id)
            {
                common[companyField!] = id;
            }

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = owner.writer.Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(rows.Chunk(KeysPerRead), parallel, async (slice, token) =>
            {
                var keys = slice.Select(r => (IReadOnlyDictionary<string, object?>)mapper.Key.ToDictionary(
                    k => k.Dataverse.Column, k => r.Mapped!.Values.GetValueOrDefault(k.Dataverse.Column), StringComparer.OrdinalIgnoreCase)).ToArray();
                await foreach (var row in owner.dataverse.ReadByKeysAsync(mapper.DataverseTable.Name, common, keys, expand, token))
                {
                    found[mapper.KeyOfDataverse(row)] = row;
                }
            });
            return found;
        }

        /// <summary>
        /// A row Dataverse does not have is created whole; one it has is given the file's values where they differ,
        /// without the defaults meant for new rows; one that holds them already is left alone.
        /// </summary>
        private async Task PlanAsync(FileBootstrapRow row, Row? existing, Guid? companyId, List<(long, DataverseRowWrite)> writes, List<(long, DataverseRowWrite)> ownLookups, CancellationToken cancellationToken)
        {
            var company = companyField is null ? null : (string)row.Mapped!.Key!.Parts[0].Value!;
            var mapped = row.Mapped!;
            Guid? existingId = null;
            if (existing is not null)
            {
                mapped = mapper.ToDataverse(row.Source!, mapper.SourceFields(SyncDirection.FinOpsToDataverse));
                if (await RowComparison.HoldsAsync(existing, mapped, owner.writer.Lookups, companyField, cancellationToken))
                {
                    Counts = Counts with { Unchanged = Counts.Unchanged + 1 };
                    return;
                }

                existingId = (Guid)existing[mapper.DataverseTable.PrimaryIdField!]!;
            }

            var (write, own) = DataversePlan.Of(mapper, mapped, existingId is null ? DataverseOperation.Upsert : DataverseOperation.Update, company, companyId, existingId);
            writes.Add((row.Line, write));
            if (own is not null)
            {
                ownLookups.Add((row.Line, own));
            }
        }

        private async Task WriteAsync(List<(long Line, DataverseRowWrite Write)> writes, CancellationToken cancellationToken)
        {
            var outcomes = await owner.writer.WriteToDataverseAsync(writes.Select(w => w.Write).ToArray(), cancellationToken);
            for (var i = 0; i < writes.Count; i++)
            {
                if (!outcomes[i].Success)
                {
                    await FailAsync(writes[i].Line, outcomes[i], cancellationToken);
                }
                else
                {
                    Counts = writes[i].Write.Operation == DataverseOperation.Upsert
                        ? Counts with { Created = Counts.Created + 1 }
                        : Counts with { Updated = Counts.Updated + 1 };
                }
            }
        }

        /// <summary>
        /// Sets the lookups to rows of the same table once the batch is written. One whose row is not there yet waits for
        /// the next batch; after that (or after the last batch) it fails its row, which is then written without it.
        /// </summary>
        private async Task WriteOwnLookupsAsync(List<(long Line, DataverseRowWrite Write)> ownLookups, bool final, CancellationToken cancellationToken)
        {
            var pending = waiting.Concat(ownLookups).ToArray();
            var waited = waiting.Count;
            waiting = [];
            if (pending.Length == 0)
            {
                return;
            }

            var outcomes = await owner.writer.WriteToDataverseAsync(pending.Select(p => p.Write).ToArray(), cancellationToken);
            for (var i = 0; i < pending.Length; i++)
            {
                if (outcomes[i].Success)
                {
                    continue;
                }

                if (!final && i >= waited && outcomes[i].Field is not null)
                {
                    waiting.Add(pending[i]);
                }
                else
                {
                    await FailAsync(pending[i].Line, outcomes[i], cancellationToken);
                }
            }
        }

        private async Task<Guid?> CompanyIdAsync(string company, CancellationToken cancellationToken)
        {
            if (!companyIds.TryGetValue(company, out var id))
            {
                companyIds[company] = id = await owner.dataverse.CompanyIdAsync(company, cancellationToken);
            }

            return id;
        }

        private Task FailAsync(long line, RowWriteOutcome outcome, CancellationToken cancellationToken) =>
            FailAsync(line, outcome.Key, outcome.Message ?? $"{outcome.Field ?? "the row"}: the write failed", cancellationToken);

        private async Task FailAsync(long line, RowKey key, string reason, CancellationToken cancellationToken)
        {
            Counts = Counts with { Failed = Counts.Failed + 1 };
            await errors.WriteAsync(new BootstrapRowError(line, key.ToString(), reason), cancellationToken);
        }
    }
}
