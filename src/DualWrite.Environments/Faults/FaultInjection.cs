using Microsoft.AspNetCore.Http;

namespace DualWrite.Environments.Faults;

/// <summary>Applies the current <see cref="FaultSettings"/> to every request but the token and emulator ones.</summary>
internal sealed class FaultInjection(TimeProvider time)
{
    private readonly Lock gate = new();
    private double owed;

    public FaultSettings Settings { get; set; } = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/_emulator") || path.Value?.Contains("/oauth2/", StringComparison.Ordinal) == true)
        {
            await next(context);
            return;
        }

        var settings = Settings;
        if (settings.RefuseConnections)
        {
            context.Abort();
            return;
        }

        if (settings.LatencyMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(settings.LatencyMilliseconds), time, context.RequestAborted);
        }

        if (ShouldThrottle(settings.ThrottleShare))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new
            {
                error = new
                {
                    code = "0x80072322",
                    message = $"Number of requests exceeded the limit; retry after {settings.RetryAfterSeconds} seconds.",
                },
            });
            return;
        }

        await next(context);
    }

    private bool ShouldThrottle(double share)
    {
        if (share <= 0)
        {
            return false;
        }

        lock (gate)
        {
            owed += share;
            if (owed < 1)
            {
                return false;
            }

            owed -= 1;
            return true;
        }
    }
}
