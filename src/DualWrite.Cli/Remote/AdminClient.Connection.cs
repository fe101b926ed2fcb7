using System.Text.Json;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

internal sealed partial class AdminClient
{
    public Task<ApiReply<JsonElement>> GetConnectionAsync(CancellationToken cancellationToken) =>
        GetAsync("api/v1/connection", AdminJson.Default.JsonElement, cancellationToken);

    public Task<ApiReply<JsonElement>> LinkAsync(LinkBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/connection", body, AdminJson.Default.LinkBody, AdminJson.Default.JsonElement, cancellationToken);

    public Task<ApiReply<JsonElement>> AddCompanyAsync(CompanyBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/connection/companies", body, AdminJson.Default.CompanyBody, AdminJson.Default.JsonElement, cancellationToken);

    /// <returns>The link without the company.</returns>
    public async Task<ApiReply<JsonElement>> RemoveCompanyAsync(string code, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/v1/connection/companies/{Segment(code)}");
        return await ReadAsync(request, AdminJson.Default.JsonElement, cancellationToken);
    }

    public Task<ApiReply<ResetAnswer>> ResetAsync(bool force, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/connection/reset", new ResetBody(force), AdminJson.Default.ResetBody, AdminJson.Default.ResetAnswer, cancellationToken);
}
