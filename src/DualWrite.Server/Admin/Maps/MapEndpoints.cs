using System.Security.Claims;
using System.Text.Json;
using DualWrite.Core.Maps;
using DualWrite.Runtime;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Server.Admin.Paging;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Maps;

/// <summary>The active maps: list, read, replace while stopped, validate, what Run proposes, activity and debug mode.</summary>
internal static class MapEndpoints
{
    public static void MapMapEndpoints(this IEndpointRouteBuilder read, IEndpointRouteBuilder change)
    {
        read.MapGet("/maps", ListAsync).WithTags("Maps");
        read.MapGet("/maps/{name}", GetAsync).WithTags("Maps");
        change.MapPut("/maps/{name}", ReplaceAsync).Accepts<JsonElement>("application/json").WithTags("Maps");
        change.MapPost("/maps/validate", ValidateAsync).Accepts<JsonElement>("application/json").WithTags("Maps");
        read.MapGet("/maps/{name}/related", RelatedAsync).WithTags("Maps");
        read.MapGet("/maps/{name}/activity", ActivityAsync).WithTags("Maps");
        change.MapPut("/maps/{name}/debug", DebugAsync).WithTags("Maps");
    }

    private static async Task<IReadOnlyList<MapSummary>> ListAsync(DualWriteRuntime runtime, CancellationToken cancellationToken) =>
        await MapOverview.ListAsync(runtime, await runtime.ActiveMapsAsync(cancellationToken), cancellationToken);

    private static async Task<MapSummary> GetAsync(string name, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
        await DetailAsync(runtime, await runtime.RequireAsync(name, cancellationToken), cancellationToken);

    private static async Task<MapSummary> ReplaceAsync(string name, HttpRequest request, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        await runtime.RequireAsync(name, cancellationToken);
        var map = await runtime.Solutions.ReplaceMapAsync(name, await request.ReadTextAsync(cancellationToken), user.Who(), cancellationToken);
        return await DetailAsync(runtime, map, cancellationToken);
    }

    private static async Task<ValidationAnswer> ValidateAsync(HttpRequest request, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var findings = runtime.Solutions.Validate(await request.ReadTextAsync(cancellationToken), "the body");
        return new ValidationAnswer(findings.Count == 0, findings.Select(AdminFinding.From).ToArray());
    }

    private static Task<RunPlan> RelatedAsync(string name, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
        runtime.Lifecycle.PlanRelatedAsync(name, cancellationToken);

    private static async Task<IReadOnlyList<ActivityLine>> ActivityAsync(string name, int? limit, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var map = await runtime.RequireAsync(name, cancellationToken);
        var page = PageRequest.Of(0, limit);
        return (await runtime.Store.GetActivityAsync(map.Name, page.Limit, cancellationToken)).Select(a => new ActivityLine(a.At, a.Who, a.Action, a.Detail)).ToArray();
    }

    private static async Task<DebugAnswer> DebugAsync(string name, DebugBody body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var map = await runtime.RequireAsync(name, cancellationToken);
        await runtime.Store.SetDebugAsync(map.Name, body.Enabled, cancellationToken);
        await runtime.Store.AppendActivityAsync(map.Name, user.Who(), "Debug", body.Enabled ? "on: error log entries keep their payloads" : "off", cancellationToken);
        return new DebugAnswer(map.Name, body.Enabled);
    }

    private static async Task<MapSummary> DetailAsync(DualWriteRuntime runtime, TableMap map, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(SolutionWriter.Write(map));
        return (await MapOverview.ListAsync(runtime, [map], cancellationToken))[0] with
        {
            Map = document.RootElement.Clone(),
            Symbols = map.Fields.Select(MapText.Of).ToArray(),
        };
    }
}
