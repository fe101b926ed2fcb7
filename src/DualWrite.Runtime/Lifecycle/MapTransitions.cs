namespace DualWrite.Runtime.Lifecycle;

/// <summary>
/// The actions each state allows and where they lead (SPEC section 3). The ends of initial sync and of catch-up
/// are not actions a person takes; the runtime moves the map on itself.
/// </summary>
public static class MapTransitions
{
    private static readonly Dictionary<MapState, Dictionary<MapAction, MapState>> Table = new()
    {
        [MapState.NotRunning] = new() { [MapAction.Run] = MapState.Initializing },
        [MapState.Initializing] = [],
        [MapState.Running] = new() { [MapAction.Pause] = MapState.Paused, [MapAction.Stop] = MapState.NotRunning },
        [MapState.Paused] = new()
        {
            [MapAction.Resume] = MapState.Resuming,
            [MapAction.ResumeSkippingQueue] = MapState.Running,
            [MapAction.Stop] = MapState.NotRunning,
        },
        [MapState.Resuming] = new() { [MapAction.SkipToLive] = MapState.Running },
    };

    public static IReadOnlyCollection<MapAction> Allowed(MapState state) => Table[state].Keys;

    /// <summary>The state an action leads to, or a refusal that names the state and what it allows.</summary>
    public static MapState Next(string map, MapState state, MapAction action) =>
        Table[state].TryGetValue(action, out var next)
            ? next
            : throw new LifecycleException(
                $"'{map}' is {Describe(state)}, where {Describe(action)} is not possible; " +
                (Table[state].Count == 0 ? "it allows no action until it is done" : $"it allows {string.Join(", ", Table[state].Keys.Select(Describe))}"));

    public static string Describe(MapState state) => state switch
    {
        MapState.NotRunning => "Not running",
        _ => state.ToString(),
    };

    public static string Describe(MapAction action) => action switch
    {
        MapAction.ResumeSkippingQueue => "Resume skipping the queue",
        MapAction.SkipToLive => "Skip to live",
        _ => action.ToString(),
    };
}
