using Microsoft.Extensions.Hosting;

namespace DualWrite.Environments.Hosting;

/// <summary>
/// An environment runs inside a process that owns the console and its signals (the CLI, a test); it must not
/// take Ctrl+C or SIGTERM for itself, or the process would outlive its environments.
/// </summary>
public sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
