namespace DualWrite.Runtime.Lifecycle;

/// <summary>Where a table map is in its life (SPEC section 3).</summary>
public enum MapState
{
    /// <summary>Never started, or stopped.</summary>
    NotRunning,

    /// <summary>Initial sync is running; live changes wait.</summary>
    Initializing,

    /// <summary>Live sync.</summary>
    Running,

    /// <summary>Live changes are queued durably.</summary>
    Paused,

    /// <summary>The queue is replayed; new changes queue behind it.</summary>
    Resuming,
}
