using System.Security.Claims;
using System.Text.Json;
using DualWrite.Runtime;
using DualWrite.Runtime.Solutions;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Solutions;

/// <summary>The solutions held: list, import, export, and which version of each map is active.</summary>
internal static class SolutionEndpoints
{
    public static void MapSolutionEndpoints(this IEndpointRouteBuilder read, IEndpointRouteBuilder change)
    {
        read.MapGet("/solutions", (DualWriteRuntime runtime, CancellationToken cancellationToken) => runtime.Solutions.ListAsync(cancellationToken)).WithTags("Solutions");
        change.MapPost("/solutions", ImportAsync).Accepts<JsonElement>("application/json").WithTags("Solutions");
        read.MapGet("/solutions/active", ActiveAsync).WithTags("Solutions");
        read.MapGet("/solutions/{name}", ExportAsync).Produces<JsonElement>(contentType: "application/json").WithTags("Solutions");
    }

    private static async Task<Created<SolutionSummary>> ImportAsync(HttpRequest request, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var imported = await runtime.Solutions.ImportAsync(await request.ReadTextAsync(cancellationToken), user.Who(), cancellationToken);
        return TypedResults.Created($"/api/v1/solutions/{Uri.EscapeDataString(imported.Name)}?version={imported.Version}", imported);
    }

    private static async Task<IReadOnlyList<ActiveMapEntry>> ActiveAsync(DualWriteRuntime runtime, CancellationToken cancellationToken) =>
        (await runtime.Solutions.ActiveAsync(cancellationToken)).Select(a => new ActiveMapEntry(a.Map, a.Solution, a.Version, a.SolutionVersion)).ToArray();

    private static async Task<IResult> ExportAsync(string name, string? version, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        if (await runtime.Solutions.ExportAsync(name, version, cancellationToken) is { } json)
        {
            return TypedResults.Text(json, "application/json");
        }

        var held = (await runtime.Solutions.ListAsync(cancellationToken)).Select(s => $"{s.Name} {s.Version}");
        throw new NotFoundException(
            AdminProblem.NotFound,
            $"There is no solution '{name}'{(version is null ? string.Empty : $" in version {version}")}; the runtime holds {string.Join(", ", held)}.");
    }
}
