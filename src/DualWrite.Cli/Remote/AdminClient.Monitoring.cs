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
