using DualWrite.Runtime;
using DualWrite.Runtime.Monitoring;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Alerts;

/// <summary>The alert rules: list (of one map or all), add, remove.</summary>
internal static class AlertEndpoints
{
    public static void MapAlertEndpoints(this IEndpointRouteBuilder read, IEndpointRouteBuilder change)
    {
        read.MapGet("/alerts", ListAsync).WithTags("Alerts");
        change.MapPost("/alerts", AddAsync).WithTags("Alerts");
        change.MapDelete("/alerts/{id:long}", RemoveAsync).WithTags("Alerts");
    }

    private static async Task<IReadOnlyList<AlertLine>> ListAsync(string? map, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var name = map is null ? null : (await runtime.RequireAsync(map, cancellationToken)).Name;
        return (await runtime.Store.GetAlertRulesAsync(name, cancellationToken)).Select(AlertLine.From).ToArray();
    }

    private static async Task<Created<AlertLine>> AddAsync(AlertBody body, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        if (body.Errors < 1)
        {
            throw new AdminRequestException("errors", $"errors is {body.Errors}; a rule fires after at least 1 error.");
        }

        if (body.WindowSeconds is <= 0 or > 366 * 24 * 3600)
        {
            throw new AdminRequestException("windowSeconds", $"windowSeconds is {body.WindowSeconds}; give the window in seconds, more than 0 and at most a year.");
        }

        if (body.Webhook is { } webhook && (!webhook.IsAbsoluteUri || webhook.Scheme is not ("http" or "https")))
        {
            throw new AdminRequestException("webhook", $"'{webhook}' is not an absolute http or https address to post notices to.");
        }

        var map = await runtime.RequireAsync(body.Map, cancellationToken);
        var rule = await runtime.Store.SaveAlertRuleAsync(
            new AlertRule(0, map.Name, body.Errors, body.Types?.Distinct().ToArray() ?? [], TimeSpan.FromSeconds(body.WindowSeconds), body.Action, body.Webhook), cancellationToken);
        return TypedResults.Created($"/api/v1/alerts/{rule.Id}", AlertLine.From(rule));
    }

    private static async Task<NoContent> RemoveAsync(long id, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.Store.DeleteAlertRuleAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : throw new NotFoundException(AdminProblem.NotFound, $"There is no alert rule {id}; GET /api/v1/alerts lists them.");
}
