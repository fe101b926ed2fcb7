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

namespace DualWrite.Environments.Tests.Support;

/// <summary>A subscriber on a loopback port that records what it is sent and answers as told.</summary>
internal sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private HookReceiver(WebApplication app)
    {
        this.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = address.TrimEnd('/') + "/hook";
    }

    public string Url { get; }

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    /// <summary>The status to answer with; 200 by default.</summary>
    public int Status { get; set; } = 200;

    /// <summary>The body of a non-2xx answer.</summary>
    public string ErrorBody { get; set; } = string.Empty;

    public TimeSpan Delay { get; set; }

    public static async Task<HookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        HookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver!.Calls.Enqueue(new ReceivedCall(headers, context.Request.QueryString.Value ?? string.Empty, JsonDocument.Parse(body).RootElement.Clone()));
            if (receiver.Delay > TimeSpan.Zero)
            {
                await Task.Delay(receiver.Delay);
            }

            context.Response.StatusCode = receiver.Status;
            if (receiver.Status >= 300)
            {
                await context.Response.WriteAsync(receiver.ErrorBody);
            }
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
