using DualWrite.Connectors.Http;

namespace DualWrite.Cli.Tests.Support;

/// <summary>A linked runtime that gives up on an environment after two quick tries, so that a run that cannot work stops soon.</summary>
public sealed class ImpatientRuntime : IAsyncLifetime
{
    public LinkedRuntime Runtime { get; } = new(o => o with
    {
        Connection = o.Connection with { Retry = new RetryPolicy(MaxAttempts: 2, MaxDelay: TimeSpan.FromMilliseconds(50), NetworkBackoff: TimeSpan.FromMilliseconds(10)) },
        RetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxAttempts = 2,

        // A failed run is tried again on the runtime's next look for work.
        PollInterval = TimeSpan.FromMilliseconds(50),
    });

    public Task InitializeAsync() => Runtime.InitializeAsync();

    public Task DisposeAsync() => Runtime.DisposeAsync();
}
