using System.Collections.Concurrent;
using DualWrite.Core.Maps;
using DualWrite.Runtime.Connection;

namespace DualWrite.Runtime.Tests.Connection;

/// <summary>Keeps each initial sync it is asked to start, and starts nothing.</summary>
internal sealed class RecordingInitialSync : IInitialSyncTrigger
{
    public ConcurrentQueue<(string Company, string[] Maps)> Started { get; } = new();

    public Task StartAsync(string company, IReadOnlyList<TableMap> maps, CancellationToken cancellationToken)
    {
        Started.Enqueue((company, maps.Select(m => m.Name).ToArray()));
        return Task.CompletedTask;
    }
}
