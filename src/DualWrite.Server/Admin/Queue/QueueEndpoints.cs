using DualWrite.Runtime;
using DualWrite.Server.Admin.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Queue;

/// <summary>The lanes of paused, initialising and resuming maps, and the changes in one of them.</summary>
internal static class QueueEndpoints
{
    public static void MapQueueEndpoints(this IEndpointRouteBuilder read)
    {
        read.MapGet("/queue", LanesAsync).WithTags("Queue");
        read.MapGet("/maps/{name}/queue", ChangesAsync).WithTags("Queue");
    }

    private static async Task<QueueAnswer> LanesAsync(DualWriteRuntime runtime, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lanes = await runtime.Store.GetQueueStatsAsync(cancellationToken);
        return new QueueAnswer(
            lanes.Select(l => new LaneLine(l.Map, l.Count, l.Oldest, l.Oldest is { } oldest ? Math.Max(0, Math.Round((now - oldest).TotalSeconds, 1)) : 0, l.Bytes)).ToArray(),
            await runtime.GetQueueUsageAsync(cancellationToken));
    }

    private static async Task<Page<QueuedLine>> ChangesAsync(string name, string? key, int? offset, int? limit, DualWriteRuntime runtime, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(offset, limit);
        var map = (await runtime.RequireAsync(name, cancellationToken)).Name;
        var narrowed = string.IsNullOrEmpty(key) ? null : key;
        var changes = await runtime.Store.GetQueuedAsync(map, narrowed, page.Offset, page.Limit, cancellationToken);
        return new Page<QueuedLine>(await runtime.Store.CountQueuedAsync(map, narrowed, cancellationToken), changes.Select(QueuedLine.From).ToArray());
    }
}
