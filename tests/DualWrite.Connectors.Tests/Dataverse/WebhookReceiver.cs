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

namespace DualWrite.Connectors.Tests.Dataverse;

/// <summary>A webhook on a loopback port that records every call: its headers and its JSON body.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<WebhookCall> calls)
    {
        this.app = app;
        Calls = calls;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new Uri(address.TrimEnd('/') + "/hooks/dataverse");
    }

    public Uri Url { get; }

    public ConcurrentQueue<WebhookCall> Calls { get; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var calls = new ConcurrentQueue<WebhookCall>();
        app.MapPost("/hooks/dataverse", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            calls.Enqueue(new WebhookCall(headers, body.RootElement.Clone()));
            return Results.Ok();
        });
        await app.StartAsync();
        return new WebhookReceiver(app, calls);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
