using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualWrite.Runtime.Tests.Connection;

/// <summary>Stands in for the runtime's hook endpoints: accepts every call and keeps its path and secret header.</summary>
internal sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private HookReceiver(WebApplication app)
    {
        this.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/dualwrite/");
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<(string Path, string? Secret)> Calls { get; } = new();

    public static async Task<HookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        HookReceiver? receiver = null;
        app.MapPost("/dualwrite/hooks/{side}", (HttpContext context) =>
        {
            receiver!.Calls.Enqueue((context.Request.Path.Value!, context.Request.Headers["X-DualWrite-Hook-Secret"].FirstOrDefault()));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver = new HookReceiver(app);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
