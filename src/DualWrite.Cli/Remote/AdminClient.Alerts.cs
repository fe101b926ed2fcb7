using System.Globalization;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

internal sealed partial class AdminClient
{
    /// <param name="map">Only this map's rules; every rule when null.</param>
    public Task<ApiReply<IReadOnlyList<AlertRule>>> GetAlertsAsync(string? map, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/alerts{(map is null ? string.Empty : "?map=" + Uri.EscapeDataString(map))}", AdminJson.Default.IReadOnlyListAlertRule, cancellationToken);

    public Task<ApiReply<AlertRule>> AddAlertAsync(AlertBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/alerts", body, AdminJson.Default.AlertBody, AdminJson.Default.AlertRule, cancellationToken);

    /// <summary>Removes a rule; the runtime answers with no body, so there is nothing to return.</summary>
    public async Task RemoveAlertAsync(long id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/v1/alerts/{id.ToString(CultureInfo.InvariantCulture)}");
        using var response = await SendAsync(request, cancellationToken);
    }
}
