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

namespace DualWrite.Testing;

/// <summary>
/// A hook subscriber on a loopback port: records every POST it gets, on any path, and answers as told,
/// so tests can stand in for the runtime's hook endpoints or for a failing or slow one.
/// </summary>
public sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private HookReceiver(WebApplication app)
    {
        this.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        Url = new Uri(BaseUrl, "hook");
    }

    /// <summary>The root of the receiver, ending in '/', for callers that add hook paths of their own.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A single hook address, for tests that need only one.</summary>
    public Uri Url { get; }

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    /// <summary>The status to answer with; 200 by default.</summary>
    public int Status { get; set; } = 200;

    /// <summary>The body of an answer of 300 or more, sent as it is.</summary>
    public string ErrorBody { get; set; } = string.Empty;

    /// <summary>How long to wait before answering, to let a caller's timeout run out.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>
    /// When set, every call is refused with 400 and this as the message of an OData error,
    /// the shape the environments read a subscriber's refusal from; it wins over <see cref="Status"/>.
    /// </summary>
    public string? Refusal { get; set; }

    public static async Task<HookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        HookReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext context) => await receiver!.ReceiveAsync(context));
        await app.StartAsync();
        receiver = new HookReceiver(app);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        // A call without a body is still a call a test may count, so it is kept with an undefined body.
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Calls.Enqueue(new ReceivedCall(request.Path.Value ?? "/", headers, request.QueryString.Value ?? string.Empty, body));

        // Read once, so a test changing the settings mid-call cannot mix two answers.
        var (status, errorBody, delay, refusal) = (Status, ErrorBody, Delay, Refusal);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (refusal is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Refused", message = refusal } }, context.RequestAborted);
            return;
        }

        context.Response.StatusCode = status;
        if (status >= 300)
        {
            await context.Response.WriteAsync(errorBody, context.RequestAborted);
        }
    }
}
