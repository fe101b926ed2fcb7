using System.Globalization;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

internal sealed partial class AdminClient
{
    public Task<ApiReply<InitialSyncRun>> GetInitialSyncAsync(string map, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/maps/{Segment(map)}/initial-sync", AdminJson.Default.InitialSyncRun, cancellationToken);

    public Task<ApiReply<Page<SyncRowError>>> GetInitialSyncErrorsAsync(string map, int offset, int limit, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/maps/{Segment(map)}/initial-sync/errors?offset={offset}&limit={limit}", AdminJson.Default.PageSyncRowError, cancellationToken);

    public Task<string> GetInitialSyncErrorsCsvAsync(string map, CancellationToken cancellationToken) =>
        GetTextAsync($"api/v1/maps/{Segment(map)}/initial-sync/errors.csv", cancellationToken);

    public Task<ApiReply<Page<ErrorEntry>>> GetErrorsAsync(ErrorFilter filter, CancellationToken cancellationToken) =>
        GetAsync("api/v1/errors" + filter.QueryString(), AdminJson.Default.PageErrorEntry, cancellationToken);

    public Task<ApiReply<Page<CatchUpError>>> GetCatchUpErrorsAsync(string map, int limit, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/maps/{Segment(map)}/catch-up-errors?limit={limit.ToString(CultureInfo.InvariantCulture)}", AdminJson.Default.PageCatchUpError, cancellationToken);

    /// <param name="action"><c>retry</c> or <c>dismiss</c>.</param>
    /// <param name="sequences">The errors' sequences; null for every one of the map's.</param>
    public Task<ApiReply<CountAnswer>> SettleCatchUpErrorsAsync(string map, string action, IReadOnlyList<long>? sequences, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/maps/{Segment(map)}/catch-up-errors/{action}", new SequencesBody(sequences), AdminJson.Default.SequencesBody, AdminJson.Default.CountAnswer, cancellationToken);

    public Task<ApiReply<QueueOverview>> GetQueueAsync(CancellationToken cancellationToken) =>
        GetAsync("api/v1/queue", AdminJson.Default.QueueOverview, cancellationToken);

    public Task<ApiReply<Page<QueuedChange>>> GetMapQueueAsync(string map, string? key, int limit, CancellationToken cancellationToken) =>
        GetAsync(
            $"api/v1/maps/{Segment(map)}/queue?limit={limit.ToString(CultureInfo.InvariantCulture)}{(key is null ? string.Empty : "&key=" + Uri.EscapeDataString(key))}",
            AdminJson.Default.PageQueuedChange,
            cancellationToken);

    public Task<ApiReply<HealthReport>> GetHealthAsync(CancellationToken cancellationToken) =>
        GetAsync("api/v1/connection/health", AdminJson.Default.HealthReport, cancellationToken);
}
