using DualWrite.Connectors.Http;

namespace DualWrite.Runtime.Connection;

/// <summary>How the runtime calls the linked environments.</summary>
public sealed record ConnectionOptions
{
    /// <summary>Retries for the runtime's ordinary work with the environments.</summary>
    public RetryPolicy Retry { get; init; } = new();

    /// <summary>
    /// Retries while linking, resetting or adding a company: a person is waiting, so an environment that does not
    /// answer is reported soon rather than waited for.
    /// </summary>
    public RetryPolicy CheckRetry { get; init; } = new(MaxAttempts: 2, MaxDelay: TimeSpan.FromSeconds(5), NetworkBackoff: TimeSpan.FromMilliseconds(250));

    /// <summary>How long to wait for a connection to an environment before calling it unreachable.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock for token lifetimes, retry waits and the time a link is made.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
