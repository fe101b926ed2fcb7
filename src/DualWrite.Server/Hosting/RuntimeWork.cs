using DualWrite.Runtime;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Server.Hosting;

/// <summary>The runtime's own work (initial syncs, runs a stopped process left) for as long as the server runs.</summary>
internal sealed class RuntimeWork(DualWriteRuntime runtime) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runtime.RunAsync(stoppingToken);
}
