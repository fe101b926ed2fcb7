using System.Text;
using DualWrite.Runtime;
using DualWrite.Runtime.InitialSync;
using DualWrite.Server.Admin.Paging;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.InitialSync;

/// <summary>A map's latest initial sync run and every row error it recorded, as pages or as one CSV file.</summary>
internal static class InitialSyncEndpoints
{
    public static void MapInitialSyncEndpoints(this IEndpointRouteBuilder read)
    {
        read.MapGet("/maps/{name}/initial-sync", GetAsync).WithTags("Initial sync");
        read.MapGet("/maps/{name}/initial-sync/errors", ErrorsAsync).WithTags("Initial sync");
        read.MapGet("/maps/{name}/initial-sync/errors.csv", CsvAsync).Produces<string>(contentType: "text/csv").WithTags("Initial sync");
    }

    private static async Task<SyncRunAnswer> GetAsync(string name, DualWriteRuntime runtime, TimeProvider time, CancellationToken cancellationToken)
    {
        var run = await LatestAsync(runtime, name, cancellationToken);
        var progress = await runtime.Store.GetSyncProgressAsync(run.Id, cancellationToken);
        var totals = new SyncTotals(progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToDataverse), progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToFinOps));
        var seconds = ((run.EndedAt ?? time.GetUtcNow()) - run.StartedAt).TotalSeconds;
        var read = totals.ToDataverse.Read + totals.ToFinOps.Read;
        return new SyncRunAnswer(
            run.Id,
            run.Status,
            run.Master,
            run.StartedAt,
            run.EndedAt,
            run.Message,
            progress.Select(p => new CompanyProgress(p.Company, p.Done, p.ToDataverse, p.ToFinOps)).ToArray(),
            totals,
            seconds > 0 ? Math.Round(read / seconds, 1) : 0);
    }

    private static async Task<Page<SyncRowError>> ErrorsAsync(string name, int? offset, int? limit, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(offset, limit);
        var run = await LatestAsync(runtime, name, cancellationToken);
        return new Page<SyncRowError>(
            await runtime.Store.CountSyncErrorsAsync(run.Id, cancellationToken),
            await runtime.Store.GetSyncErrorsAsync(run.Id, page.Offset, page.Limit, cancellationToken));
    }

    private static async Task CsvAsync(string name, HttpContext context, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var run = await LatestAsync(runtime, name, cancellationToken);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"initial-sync-{run.Id}-errors.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync(SyncErrorsCsv.Header.AsMemory(), cancellationToken);
        for (var offset = 0; ; offset += PageRequest.MaxLimit)
        {
            var errors = await runtime.Store.GetSyncErrorsAsync(run.Id, offset, PageRequest.MaxLimit, cancellationToken);
            foreach (var error in errors)
            {
                await writer.WriteLineAsync(SyncErrorsCsv.Line(error).AsMemory(), cancellationToken);
            }

            if (errors.Count < PageRequest.MaxLimit)
            {
                break;
            }
        }
    }

    private static async Task<SyncRun> LatestAsync(DualWriteRuntime runtime, string name, CancellationToken cancellationToken)
    {
        var map = await runtime.RequireAsync(name, cancellationToken);
        return await runtime.Store.GetLatestSyncRunAsync(map.Name, cancellationToken)
            ?? throw new NotFoundException(AdminProblem.NotFound, $"'{map.Name}' has had no initial sync: Run it with initial sync on to have one.");
    }
}
