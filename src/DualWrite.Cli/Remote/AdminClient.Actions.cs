using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

internal sealed partial class AdminClient
{
    public Task<ApiReply<ActionAnswer>> RunAsync(RunBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/actions/run", body, AdminJson.Default.RunBody, AdminJson.Default.ActionAnswer, cancellationToken);

    public Task<ApiReply<ActionAnswer>> PauseAsync(IReadOnlyList<string> maps, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/actions/pause", new MapsBody(maps), AdminJson.Default.MapsBody, AdminJson.Default.ActionAnswer, cancellationToken);

    public Task<ApiReply<ActionAnswer>> StopAsync(IReadOnlyList<string> maps, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/actions/stop", new MapsBody(maps), AdminJson.Default.MapsBody, AdminJson.Default.ActionAnswer, cancellationToken);

    public Task<ApiReply<ActionAnswer>> ResumeAsync(ResumeBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/actions/resume", body, AdminJson.Default.ResumeBody, AdminJson.Default.ActionAnswer, cancellationToken);

    public Task<ApiReply<ActionAnswer>> SkipToLiveAsync(SkipToLiveBody body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/actions/skip-to-live", body, AdminJson.Default.SkipToLiveBody, AdminJson.Default.ActionAnswer, cancellationToken);
}
