using System.Diagnostics;

namespace DualWrite.Bench.Measuring;

/// <summary>
/// Times the requests one HTTP client sends, by kind: how many, their summed latency, and how long at least one
/// of the kind was under way. That last is wall-clock time, so it can be set against the duration of a sync even
/// when several requests overlap, which summed latency cannot.
/// </summary>
/// <remarks>
/// A request counts until its answer's headers arrive; a body read as a stream afterwards (a page of rows) is
/// not in it. The emulators write their answers whole, so that part is small.
/// </remarks>
internal sealed class RequestTimings(HttpMessageHandler inner, RequestActivity activity) : DelegatingHandler(inner)
{
    private readonly Lock gate = new();
    private readonly Dictionary<RequestKind, RequestKindTiming> kinds = [];

    /// <summary>The figures so far, one per kind that has been sent.</summary>
    public IReadOnlyList<RequestKindFigures> Snapshot()
    {
        lock (gate)
        {
            return kinds.OrderBy(k => k.Key).Select(k => k.Value.ToFigures(k.Key)).ToArray();
        }
    }

    /// <summary>Starts counting afresh, so that a measured phase sees only its own requests.</summary>
    public void Reset()
    {
        lock (gate)
        {
            kinds.Clear();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var kind = KindOf(request);
        var started = Stopwatch.GetTimestamp();
        Begin(kind, started);
        activity.Begin(started);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            var ended = Stopwatch.GetTimestamp();
            End(kind, started, ended);
            activity.End(started, ended);
        }
    }

    private static RequestKind KindOf(HttpRequestMessage request) =>
        request.RequestUri?.AbsolutePath.Contains("/oauth2/", StringComparison.Ordinal) == true ? RequestKind.Token
        : request.Method == HttpMethod.Get ? RequestKind.Read
        : RequestKind.Write;

    private void Begin(RequestKind kind, long at)
    {
        lock (gate)
        {
            if (!kinds.TryGetValue(kind, out var timing))
            {
                kinds[kind] = timing = new RequestKindTiming();
            }

            timing.Begin(at);
        }
    }

    private void End(RequestKind kind, long started, long ended)
    {
        lock (gate)
        {
            // A reset while the request was under way dropped its kind; it belongs to the phase before.
            if (kinds.TryGetValue(kind, out var timing))
            {
                timing.End(started, ended);
            }
        }
    }
}
