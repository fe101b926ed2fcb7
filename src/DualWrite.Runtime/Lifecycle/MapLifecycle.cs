using DualWrite.Core.Maps;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Lifecycle;

/// <summary>
/// The states and actions of table maps, enforced: every action is checked against the table of SPEC section 3
/// for every map it names before any map moves, and every move goes to the map's activity log.
/// </summary>
public sealed class MapLifecycle(IRuntimeStore store, Func<CancellationToken, Task<IReadOnlyList<TableMap>>> activeMaps)
{
    /// <param name="store">Where states and activity are kept.</param>
    /// <param name="activeMaps">The active maps, when they do not change while this instance lives.</param>
    public MapLifecycle(IRuntimeStore store, Func<IReadOnlyList<TableMap>> activeMaps)
        : this(store, _ => Task.FromResult(activeMaps()))
    {
    }

    /// <summary>
    /// What Run offers for a map: it and the maps it needs that are not running yet, in dependency order, each
    /// with initial sync, and Dataverse as master.
    /// </summary>
    public async Task<RunRequest> PlanRunAsync(string mapName, CancellationToken cancellationToken) =>
        (await PlanRelatedAsync(mapName, cancellationToken)).ToRequest();

    /// <summary>
    /// The run <see cref="PlanRunAsync"/> offers, with each map's state and whether the chosen map needs it: the
    /// maps it depends on (directly or through others) that are Not running, dependencies first, then the map.
    /// </summary>
    /// <exception cref="UnknownMapException">No active map has that name.</exception>
    public async Task<RunPlan> PlanRelatedAsync(string mapName, CancellationToken cancellationToken)
    {
        var maps = await activeMaps(cancellationToken);
        var map = maps.FirstOrDefault(m => string.Equals(m.Name, mapName, StringComparison.OrdinalIgnoreCase))
            ?? throw UnknownMapException.For(mapName, maps.Select(m => m.Name));
        var states = await store.GetStatesAsync(cancellationToken);
        var related = MapOrder.Required(map, maps).Where(m => StateOf(states, m.Name) == MapState.NotRunning);
        return new RunPlan(
            related.Append(map).Select(m => new PlannedMap(m.Name, InitialSync: true, StateOf(states, m.Name), Required: true)).ToArray(),
            Master.Dataverse);
    }

    /// <summary>
    /// Starts the maps of a run: each must be Not running, and the order must put every map after those it
    /// depends on among them. Maps with initial sync become Initializing, each with its run opened, so that the
    /// runs' order is the run's order and their master is kept whatever happens to the process; the others become
    /// Running.
    /// </summary>
    public async Task StartAsync(RunRequest request, string who, CancellationToken cancellationToken)
    {
        var maps = await activeMaps(cancellationToken);
        var chosen = request.Maps.Select(i => Find(maps, i.Map)).ToArray();
        var problems = MapOrder.Check(chosen).ToList();
        var duplicate = request.Maps.GroupBy(i => i.Map, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Add($"'{duplicate.Key}' is in the run twice");
        }

        var states = await store.GetStatesAsync(cancellationToken);
        foreach (var map in chosen)
        {
            try
            {
                MapTransitions.Next(map.Name, StateOf(states, map.Name), MapAction.Run);
            }
            catch (LifecycleException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new LifecycleException("The run was not started: " + string.Join("; ", problems));
        }

        foreach (var (item, map) in request.Maps.Zip(chosen))
        {
            var target = item.InitialSync ? MapState.Initializing : MapState.Running;
            if (item.InitialSync)
            {
                await store.StartSyncRunAsync(map.Name, request.Master, request.Rerun == RerunMode.WithoutErrors, cancellationToken);
            }

            var detail = $"master {request.Master}, initial sync {(item.InitialSync ? "on" : "skipped")}, order {string.Join(" > ", chosen.Select(m => m.Name))}";
            await MoveAsync(map.Name, MapState.NotRunning, target, who, MapTransitions.Describe(MapAction.Run), detail, cancellationToken);
        }
    }

    /// <summary>Pause, Resume, Stop or Skip to live on one map or several; refused whole if any map refuses.</summary>
    public async Task ApplyAsync(IReadOnlyList<string> mapNames, MapAction action, string who, CancellationToken cancellationToken)
    {
        if (action == MapAction.Run)
        {
            throw new LifecycleException("Run takes a run request with the related maps, initial sync and master: use StartAsync");
        }

        var maps = await activeMaps(cancellationToken);
        var states = await store.GetStatesAsync(cancellationToken);
        var moves = new List<(string Map, MapState From, MapState To)>();
        var refusals = new List<string>();
        foreach (var name in mapNames)
        {
            var map = Find(maps, name);
            var state = StateOf(states, map.Name);
            try
            {
                moves.Add((map.Name, state, MapTransitions.Next(map.Name, state, action)));
            }
            catch (LifecycleException e)
            {
                refusals.Add(e.Message);
            }
        }

        if (refusals.Count > 0)
        {
            throw new LifecycleException(string.Join("; ", refusals));
        }

        foreach (var (map, from, to) in moves)
        {
            await MoveAsync(map, from, to, who, MapTransitions.Describe(action), null, cancellationToken);
        }
    }

    /// <summary>
    /// The runtime's own move when initial sync or catch-up is done: to Running, but only once the map's lane is
    /// empty, so that changes queued meanwhile are replayed first.
    /// </summary>
    /// <returns>False when the lane still holds changes (or the map moved meanwhile): replay them, then try again.</returns>
    public Task<bool> CompleteAsync(string map, MapState from, string detail, CancellationToken cancellationToken) =>
        from is MapState.Initializing or MapState.Resuming
            ? store.TransitionAsync(map, from, MapState.Running, "runtime", "Completed", detail, cancellationToken, onlyWhenLaneEmpty: true)
            : throw new LifecycleException($"'{map}' cannot complete from {MapTransitions.Describe(from)}");

    /// <summary>The runtime's own move when an initial sync cannot go on: the map stops, with the reason in its log.</summary>
    public Task FailAsync(string map, string reason, CancellationToken cancellationToken) =>
        MoveAsync(map, MapState.Initializing, MapState.NotRunning, "runtime", "Failed", "initial sync failed: " + reason, cancellationToken);

    private static MapState StateOf(IReadOnlyDictionary<string, MapState> states, string map) =>
        states.TryGetValue(map, out var state) ? state : MapState.NotRunning;

    private static TableMap Find(IReadOnlyList<TableMap> maps, string name) =>
        maps.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new LifecycleException($"there is no active map '{name}'; the maps are {string.Join(", ", maps.Select(m => m.Name))}");

    private async Task MoveAsync(string map, MapState from, MapState to, string who, string label, string? detail, CancellationToken cancellationToken)
    {
        if (!await store.TransitionAsync(map, from, to, who, label, detail, cancellationToken))
        {
            throw new LifecycleException($"'{map}' changed state while {label} was being applied; read its state and try again");
        }
    }
}
