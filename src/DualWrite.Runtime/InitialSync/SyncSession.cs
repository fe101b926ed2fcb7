using DualWrite.Runtime.Connection;

namespace DualWrite.Runtime.InitialSync;

/// <summary>What initial syncs run with: the linked environments' clients, and the runner and service over them.</summary>
internal sealed record SyncSession(LinkedEnvironments Environments, InitialSyncRunner Runner, InitialSyncService Service) : IDisposable
{
    public void Dispose() => Environments.Dispose();
}
