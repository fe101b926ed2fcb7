namespace DualWrite.Runtime.LiveSync;

/// <summary>The limits of live sync.</summary>
public sealed record LiveSyncOptions
{
    /// <summary>The most changed records one source transaction may carry; a bigger one is refused whole.</summary>
    public int MaxRecordsPerTransaction { get; init; } = 1_000;

    /// <summary>How long writing a transaction to the other side may take before the source transaction is failed.</summary>
    public TimeSpan TransactionTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a transaction from one side waits for those from the other side to finish before it fails as a
    /// concurrent change (<see cref="DirectionGate"/>). None by default: the waiting transaction holds its own
    /// side's locks, which the other side's transaction may need to finish, so waiting mostly delays both.
    /// </summary>
    public TimeSpan ConcurrencyWait { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long the rows of a Dataverse change set, written to F&amp;O one operation at a time, wait for the note that
    /// the change set committed (<see cref="OpenTransactions"/>). Past it, they are made equal to what Dataverse
    /// holds. Longer than Dataverse lets a transaction run, so that no open transaction is read as rolled back.
    /// </summary>
    public TimeSpan CommitWait { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The most the lanes may hold, in bytes of changes; null for <see cref="QueueShareOfFreeDisk"/> of the free disk.</summary>
    public long? QueueLimitBytes { get; init; }

    /// <summary>The share of the free disk space beside the store the lanes may fill when no byte limit is set.</summary>
    public double QueueShareOfFreeDisk { get; init; } = 0.9;
}
