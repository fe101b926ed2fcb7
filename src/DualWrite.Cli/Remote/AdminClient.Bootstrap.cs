using System.Net.Http.Headers;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

internal sealed partial class AdminClient
{
    public Task<ApiReply<BootstrapJob>> StartCompanyBootstrapAsync(CompanyBootstrapBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/bootstrap/company", body, AdminJson.Default.CompanyBootstrapBody, AdminJson.Default.BootstrapJob, cancellationToken);

    /// <summary>Uploads the export as it is read from disk, so a file of any size goes without being held.</summary>
    public async Task<ApiReply<BootstrapJob>> StartFileBootstrapAsync(string map, string file, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/bootstrap/file?map={Segment(map)}&to=dataverse")
        {
            Content = new StreamContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
        };
        return await ReadAsync(request, AdminJson.Default.BootstrapJob, cancellationToken);
    }

    public Task<ApiReply<BootstrapJob>> GetBootstrapJobAsync(string id, CancellationToken cancellationToken) =>
        GetAsync($"api/v1/bootstrap/jobs/{Segment(id)}", AdminJson.Default.BootstrapJob, cancellationToken);

    public Task DownloadBootstrapErrorsAsync(string id, string destination, CancellationToken cancellationToken) =>
        DownloadAsync($"api/v1/bootstrap/jobs/{Segment(id)}/errors.csv", destination, cancellationToken);
}
