using System.Security.Claims;
using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Monitoring;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ConnectionInfo = DualWrite.Runtime.Connection.ConnectionInfo;

namespace DualWrite.Server.Admin.Connection;

/// <summary>The link: read it, make it, add and remove companies, check its health, reset it; and both environments as they answer now.</summary>
internal static class ConnectionEndpoints
{
    public static void MapConnectionEndpoints(this IEndpointRouteBuilder read, IEndpointRouteBuilder change)
    {
        read.MapGet("/connection", GetAsync).WithTags("Connection");
        change.MapPost("/connection", LinkAsync).WithTags("Connection");
        change.MapPost("/connection/companies", AddCompanyAsync).WithTags("Connection");
        change.MapDelete("/connection/companies/{code}", RemoveCompanyAsync).WithTags("Connection");
        read.MapGet("/connection/health", HealthAsync).WithTags("Connection");
        change.MapPost("/connection/reset", ResetAsync).WithTags("Connection");
        read.MapGet("/environments", EnvironmentsAsync).WithTags("Connection");
    }

    private static async Task<ConnectionInfo> GetAsync(DualWriteRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.Connection.GetAsync(cancellationToken) ?? throw NotLinked();

    private static async Task<Created<ConnectionInfo>> LinkAsync(LinkBody body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var request = new LinkRequest(body.FinOps, body.Dataverse, body.HookBaseUrl) { Companies = body.Companies ?? [LinkRequest.DefaultCompany] };
        return TypedResults.Created("/api/v1/connection", await runtime.Connection.LinkAsync(request, user.Who(), cancellationToken));
    }

    private static async Task<ConnectionInfo> AddCompanyAsync(CompanyBody body, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        await runtime.Connection.AddCompanyAsync(body.Code, body.SkipInitialSync, cancellationToken);
        return await GetAsync(runtime, cancellationToken);
    }

    private static async Task<ConnectionInfo> RemoveCompanyAsync(string code, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        await runtime.Connection.RemoveCompanyAsync(code, cancellationToken);
        return await GetAsync(runtime, cancellationToken);
    }

    private static async Task<HealthAnswer> HealthAsync(DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        IReadOnlyList<HealthFinding> findings = await runtime.CheckHealthAsync(cancellationToken);
        return new HealthAnswer(findings.Count == 0, findings);
    }

    private static async Task<ResetAnswer> ResetAsync(ResetBody body, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        // The reset clears the states with everything else: which maps it stopped is read before.
        var started = (await runtime.Store.GetStatesAsync(cancellationToken)).Where(s => s.Value != MapState.NotRunning).Select(s => s.Key).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var leftBehind = await runtime.Connection.ResetAsync(body.Force, cancellationToken);
        return new ResetAnswer(started, leftBehind);
    }

    private static async Task<LinkStatus> EnvironmentsAsync(DualWriteRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.Connection.GetStatusAsync(cancellationToken) ?? throw NotLinked();

    private static NotFoundException NotLinked() =>
        new(AdminProblem.NotLinked, "This runtime is not linked to any environments: link an F&O and a Dataverse environment with POST /api/v1/connection.");
}
