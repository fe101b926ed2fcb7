using System.Security.Claims;
using DualWrite.Core.Maps;
using DualWrite.Runtime;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Actions;

/// <summary>
/// Run, Pause, Resume, Stop and Skip to live on several maps at once. Every map is found first (404 otherwise),
/// and the action is refused whole (409) when one of them does not allow it.
/// </summary>
internal static class ActionEndpoints
{
    public static void MapActionEndpoints(this IEndpointRouteBuilder change)
    {
        change.MapPost("/actions/run", RunAsync).WithTags("Actions");
        change.MapPost("/actions/pause", (MapsBody body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
            ApplyAsync(runtime, body.Maps, maps => runtime.Lifecycle.ApplyAsync(maps, MapAction.Pause, user.Who(), cancellationToken), cancellationToken)).WithTags("Actions");
        change.MapPost("/actions/resume", (ResumeBody body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
            ApplyAsync(runtime, body.Maps, maps => runtime.ResumeAsync(maps, body.Mode, user.Who(), cancellationToken), cancellationToken)).WithTags("Actions");
        change.MapPost("/actions/stop", (MapsBody body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
            ApplyAsync(runtime, body.Maps, maps => runtime.Lifecycle.ApplyAsync(maps, MapAction.Stop, user.Who(), cancellationToken), cancellationToken)).WithTags("Actions");
        change.MapPost("/actions/skip-to-live", (SkipToLiveBody body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
            ApplyAsync(runtime, body.Maps, maps => runtime.SkipToLiveAsync(maps, body.KeepAsCatchUpErrors, user.Who(), cancellationToken), cancellationToken)).WithTags("Actions");
    }

    private static Task<ActionAnswer> RunAsync(RunRequest body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
        ApplyAsync(
            runtime,
            body.Maps.Select(m => m.Map).ToArray(),
            maps => runtime.StartAsync(body with { Maps = body.Maps.Zip(maps, (item, name) => item with { Map = name }).ToArray() }, user.Who(), cancellationToken),
            cancellationToken);

    /// <param name="runtime">The runtime.</param>
    /// <param name="names">The maps as the body names them.</param>
    /// <param name="act">The action, given the maps' own names.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    private static async Task<ActionAnswer> ApplyAsync(DualWriteRuntime runtime, IReadOnlyList<string> names, Func<IReadOnlyList<string>, Task> act, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            throw new AdminRequestException("maps", "No map is named: list the maps to act on.");
        }

        IReadOnlyList<TableMap> maps = await runtime.RequireAsync(names, cancellationToken);
        var mapNames = maps.Select(m => m.Name).ToArray();
        await act(mapNames);
        var states = await runtime.Store.GetStatesAsync(cancellationToken);
        return new ActionAnswer(mapNames.Select(n => new MapStateLine(n, states.TryGetValue(n, out var state) ? state : MapState.NotRunning)).ToArray());
    }
}
