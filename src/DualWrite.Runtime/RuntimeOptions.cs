using DualWrite.Runtime.Connection;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.LiveSync;
using DualWrite.Runtime.Reconciliation;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime;

/// <summary>Where the runtime keeps its state and how it works with the environments.</summary>
public sealed record RuntimeOptions
{
    /// <summary>The SQLite file of the runtime's store; created with its folder when missing.</summary>
    public required string StorePath { get; init; }

    public ConnectionOptions Connection { get; init; } = new();

    public ChangeWriterOptions Writer { get; init; } = new();

    public InitialSyncOptions InitialSync { get; init; } = new();

    public LiveSyncOptions LiveSync { get; init; } = new();

    public ComparisonOptions Comparison { get; init; } = new();

    /// <summary>
    /// How long live sync keeps what it read of the link (clients, maps, companies) before reading it again; a
    /// change made through this runtime is seen at once, this bounds how late one made by another node is seen.
    /// </summary>
    public TimeSpan ConfigurationRefresh { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the runtime looks for work nobody told it about, such as a run left by a stopped process.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>After an initial sync fails, how long before the map is tried again, doubling up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts of one initial sync run before its map is stopped with the reason in its activity log.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
