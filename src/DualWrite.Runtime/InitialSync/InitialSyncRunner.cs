using System.Text.Json;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.InitialSync;

/// <summary>
/// Copies what exists, one map and one company at a time: both sides are read in integration-key order and
/// merged; a row on one side only is created on the other, a row on both that differs takes the master's values,
/// a row already equal is left alone. Rows are settled in stretches, each written and then checkpointed with its
/// row errors, so a run that is killed continues from its last checkpoint, and what it writes again it finds
/// already there.
/// </summary>
public sealed partial class InitialSyncRunner(FinOpsClient finOps, DataverseClient dataverse, ChangeWriter writer, IRuntimeStore store, InitialSyncOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly FinOpsClient finOps = finOps;
    private readonly DataverseClient dataverse = dataverse;
    private readonly ChangeWriter writer = writer;
    private readonly IRuntimeStore store = store;
    private readonly InitialSyncOptions options = options;

    /// <summary>Runs (or continues) <paramref name="run"/> of <paramref name="mapper"/>'s map to the end.</summary>
    /// <param name="mapper">The map's row mapper.</param>
    /// <param name="run">The run, as the store has it.</param>
    /// <param name="companies">The linked companies.</param>
    /// <param name="skipKeys">Keys left out (a re-run without errors), as <see cref="RowKey.ToString"/> gives them.</param>
    /// <param name="cancellationToken">Stops the run wherever it is; it continues from its last checkpoint next time.</param>
    public async Task<IReadOnlyList<SyncProgress>> RunAsync(RowMapper mapper, SyncRun run, IReadOnlyList<string> companies, IReadOnlySet<string> skipKeys, CancellationToken cancellationToken)
    {
        var progress = (await store.GetSyncProgressAsync(run.Id, cancellationToken)).ToDictionary(p => p.Company, StringComparer.OrdinalIgnoreCase);
        foreach (var company in mapper.Map.CompanySpecific ? companies : [string.Empty])
        {
            var current = progress.GetValueOrDefault(company) ?? new SyncProgress(company, null, false, new SyncCounts(), new SyncCounts());
            if (!current.Done)
            {
                progress[company] = await new CompanyRun(this, mapper, run, current, skipKeys).RunAsync(cancellationToken);
            }
        }

        return progress.Values.OrderBy(p => p.Company, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The last settled key as saved in a checkpoint: its values after the company, as JSON.</summary>
    private static string CheckpointOf(RowKey key, bool companySpecific) =>
        JsonSerializer.Serialize(key.Parts.Skip(companySpecific ? 1 : 0).Select(p => p.Value?.ToString()).ToArray());

    private static string[] ReadCheckpoint(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static string[] OneWaySources(TableMap map, SyncDirection direction) =>
        map.Fields
            .Where(f => f.Direction == (direction == SyncDirection.FinOpsToDataverse ? MappingDirection.ToDataverse : MappingDirection.ToFinOps))
            .Select(f => direction == SyncDirection.FinOpsToDataverse ? f.FinOps : f.Dataverse?.Column)
            .OfType<string>()
            .ToArray();

    private static bool Carries(TableMap map, SyncDirection direction) => map.Fields.Any(f => f.Carries(direction));

    private static SyncDirection Of(Master master) => master == Master.FinOps ? SyncDirection.FinOpsToDataverse : SyncDirection.DataverseToFinOps;
}
