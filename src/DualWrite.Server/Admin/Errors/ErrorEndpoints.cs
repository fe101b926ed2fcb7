using System.Security.Claims;
using DualWrite.Runtime;
using DualWrite.Runtime.Monitoring;
using DualWrite.Server.Admin.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Errors;

/// <summary>The live sync error log, searched; and each map's catch-up errors, listed, retried or dismissed.</summary>
internal static class ErrorEndpoints
{
    public static void MapErrorEndpoints(this IEndpointRouteBuilder read, IEndpointRouteBuilder change)
    {
        read.MapGet("/errors", SearchAsync).WithTags("Errors");
        read.MapGet("/maps/{name}/catch-up-errors", CatchUpErrorsAsync).WithTags("Errors");
        change.MapPost("/maps/{name}/catch-up-errors/retry", async (string name, SequencesBody body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
            new CountAnswer(await runtime.RetryCatchUpErrorsAsync((await runtime.RequireAsync(name, cancellationToken)).Name, body.Sequences, user.Who(), cancellationToken))).WithTags("Errors");
        change.MapPost("/maps/{name}/catch-up-errors/dismiss", async (string name, SequencesBody body, ClaimsPrincipal user, DualWriteRuntime runtime, CancellationToken cancellationToken) =>
            new CountAnswer(await runtime.DismissCatchUpErrorsAsync((await runtime.RequireAsync(name, cancellationToken)).Name, body.Sequences, user.Who(), cancellationToken))).WithTags("Errors");
    }

    private static async Task<Page<ErrorLine>> SearchAsync(
        string? map, DateTimeOffset? from, DateTimeOffset? to, string? key, [FromQuery] ErrorType[]? type, int? offset, int? limit, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(offset, limit);
        var query = new ErrorQuery
        {
            Map = map is null ? null : (await runtime.RequireAsync(map, cancellationToken)).Name,
            From = from,
            To = to,
            Key = string.IsNullOrEmpty(key) ? null : key,
            Types = type,
            Offset = page.Offset,
            Limit = page.Limit,
        };
        var entries = await runtime.Store.SearchErrorsAsync(query, cancellationToken);
        return new Page<ErrorLine>(await runtime.Store.CountErrorsAsync(query, cancellationToken), entries.Select(ErrorLine.From).ToArray());
    }

    private static async Task<Page<CatchUpErrorLine>> CatchUpErrorsAsync(string name, int? offset, int? limit, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(offset, limit);
        var map = (await runtime.RequireAsync(name, cancellationToken)).Name;
        var errors = await runtime.Store.GetCatchUpErrorsAsync(map, page.Offset, page.Limit, cancellationToken);
        return new Page<CatchUpErrorLine>(await runtime.Store.CountCatchUpErrorsAsync(map, cancellationToken), errors.Select(CatchUpErrorLine.From).ToArray());
    }
}
