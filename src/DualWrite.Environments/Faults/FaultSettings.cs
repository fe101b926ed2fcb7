namespace DualWrite.Environments.Faults;

/// <summary>
/// Knobs that make an environment misbehave on purpose, for tests and benchmarks of what calls it.
/// Set at start or at run time through <c>PUT /_emulator/faults</c>.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>The share of requests (0 to 1) answered 429; spread evenly, not at random, so runs repeat.</summary>
    public double ThrottleShare { get; init; }

    /// <summary>The <c>Retry-After</c> seconds a throttled answer asks for.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Added before every request is handled.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>Drops every connection without an answer, as a service that is down would.</summary>
    public bool RefuseConnections { get; init; }
}
