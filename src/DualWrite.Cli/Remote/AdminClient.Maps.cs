using System.Text.Json;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

internal sealed partial class AdminClient
{
    public Task<ApiReply<IReadOnlyList<MapSummary>>> GetMapsAsync(CancellationToken cancellationToken) =>
        GetAsync("api/v1/maps", AdminJson.Default.IReadOnlyListMapSummary, cancellationToken);

    /// <returns>The map as the list shows it; its <c>map</c> and <c>symbols</c> are in the reply's JSON.</returns>
    public Task<ApiReply<MapSummary>> GetMapAsync(string name, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/maps/{Segment(name)}", AdminJson.Default.MapSummary, cancellationToken);

    /// <param name="map">The map's JSON as in a solution file, sent as it is so that the runtime validates what the user wrote.</param>
    /// <returns>The map as <see cref="GetMapAsync"/> answers, in its new version.</returns>
    public Task<ApiReply<MapSummary>> ReplaceMapAsync(string name, string map, CancellationToken cancellationToken) =>
        SendTextAsync(HttpMethod.Put, $"api/v1/maps/{Segment(name)}", map, AdminJson.Default.MapSummary, cancellationToken);

    public Task<ApiReply<DebugAnswer>> SetDebugAsync(string name, bool enabled, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"api/v1/maps/{Segment(name)}/debug", new DebugBody(enabled), AdminJson.Default.DebugBody, AdminJson.Default.DebugAnswer, cancellationToken);

    public Task<ApiReply<RelatedMaps>> GetRelatedAsync(string name, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/maps/{Segment(name)}/related", AdminJson.Default.RelatedMaps, cancellationToken);

    public Task<ApiReply<IReadOnlyList<ActivityEntry>>> GetActivityAsync(string name, int limit, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/maps/{Segment(name)}/activity?limit={limit}", AdminJson.Default.IReadOnlyListActivityEntry, cancellationToken);

    public Task<ApiReply<IReadOnlyList<SolutionSummary>>> GetSolutionsAsync(CancellationToken cancellationToken) =>
        GetAsync("api/v1/solutions", AdminJson.Default.IReadOnlyListSolutionSummary, cancellationToken);

    /// <param name="solution">The solution file's JSON, sent as it is so that the runtime validates what the user wrote.</param>
    public Task<ApiReply<JsonElement>> ImportSolutionAsync(string solution, CancellationToken cancellationToken) =>
        SendTextAsync(HttpMethod.Post, "api/v1/solutions", solution, AdminJson.Default.JsonElement, cancellationToken);

    public Task<string> ExportSolutionAsync(string name, string? version, CancellationToken cancellationToken) =>
        GetTextAsync($"api/v1/solutions/{Segment(name)}{(version is null ? string.Empty : "?version=" + Uri.EscapeDataString(version))}", cancellationToken);
}
