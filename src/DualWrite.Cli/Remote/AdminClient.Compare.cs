using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

internal sealed partial class AdminClient
{
    /// <summary>Compares a map's sides; waited for until it answers or the command is cancelled, for it reads every row of both.</summary>
    public Task<ApiReply<ComparisonReport>> CompareAsync(string map, CompareBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/maps/{Segment(map)}/compare", body, AdminJson.Default.CompareBody, AdminJson.Default.ComparisonReport, cancellationToken, Timeout.InfiniteTimeSpan);
}
