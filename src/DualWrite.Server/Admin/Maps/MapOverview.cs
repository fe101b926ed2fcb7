using DualWrite.Core.Maps;
using DualWrite.Runtime;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Monitoring;

namespace DualWrite.Server.Admin.Maps;

/// <summary>Puts together what the list of maps shows of each active map, from the store's states, lanes, errors and debug modes.</summary>
internal static class MapOverview
{
    public static async Task<IReadOnlyList<MapSummary>> ListAsync(DualWriteRuntime runtime, IReadOnlyList<TableMap> maps, CancellationToken cancellationToken)
    {
        var active = (await runtime.Solutions.ActiveAsync(cancellationToken)).ToDictionary(a => a.Map, StringComparer.OrdinalIgnoreCase);
        var states = await runtime.Store.GetStatesAsync(cancellationToken);
        var lanes = (await runtime.Store.GetQueueStatsAsync(cancellationToken)).ToDictionary(q => q.Map, StringComparer.OrdinalIgnoreCase);
        var debug = await runtime.Store.GetDebugMapsAsync(cancellationToken);
        var summaries = new List<MapSummary>(maps.Count);
        foreach (var map in maps)
        {
            var newest = await runtime.Store.SearchErrorsAsync(new ErrorQuery { Map = map.Name, Limit = 1 }, cancellationToken);
            var last = newest.Count == 0 ? null : newest[0];
            var lane = lanes.GetValueOrDefault(map.Name);
            summaries.Add(new MapSummary(
                map.Name,
                map.FinOpsEntity,
                map.DataverseTable,
                states.TryGetValue(map.Name, out var state) ? state : MapState.NotRunning,
                map.Version.ToString(),
                active[map.Name].Solution,
                last is null ? null : new LastError(last.At, last.Message),
                new LaneSummary(lane?.Count ?? 0, lane?.Oldest, lane?.Bytes ?? 0),
                debug.Contains(map.Name)));
        }

        return summaries;
    }
}
