using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualWrite.Connectors.Tests.FinOps;

/// <summary>A sync hook subscriber on a loopback port: keeps each call it gets and accepts or refuses as told.</summary>
internal sealed class SyncHookSubscriber : IAsyncDisposable
{
    public const string SecretHeader = "X-DualWrite-Hook-Secret";

    private readonly WebApplication app;

    private SyncHookSubscriber(WebApplication app)
    {
        this.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new Uri(address.TrimEnd('/') + "/finops/changes");
    }

    public Uri Url { get; }

    /// <summary>Each call: the secret it carried and its JSON body.</summary>
    public ConcurrentQueue<(string? Secret, JsonElement Body)> Calls { get; } = new();

    /// <summary>When set, every call is refused with 400 and this as the OData error message.</summary>
    public string? Refusal { get; set; }

    public static async Task<SyncHookSubscriber> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        SyncHookSubscriber? subscriber = null;
        app.MapPost("/finops/changes", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            subscriber!.Calls.Enqueue((context.Request.Headers[SecretHeader].FirstOrDefault(), body.RootElement.Clone()));
            return subscriber.Refusal is { } refusal
                ? Results.Json(new { error = new { code = "Refused", message = refusal } }, statusCode: 400)
                : Results.Ok();
        });
        await app.StartAsync();
        subscriber = new SyncHookSubscriber(app);
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
