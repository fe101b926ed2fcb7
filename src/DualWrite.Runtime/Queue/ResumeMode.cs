namespace DualWrite.Runtime.Queue;

/// <summary>What Resume does with the changes a paused map queued.</summary>
public enum ResumeMode
{
    /// <summary>Replays them all, in order, before the map runs live (Resuming).</summary>
    CatchUp,

    /// <summary>Goes straight to Running and keeps them as catch-up errors, to retry or dismiss one by one.</summary>
    KeepAsCatchUpErrors,

    /// <summary>Goes straight to Running and drops them.</summary>
    Discard,
}
