namespace DualWrite.Runtime.Lifecycle;

/// <summary>What a person can ask of a map.</summary>
public enum MapAction
{
    Run,
    Pause,
    Resume,

    /// <summary>Resume without replaying the queue: the queued changes are kept as catch-up errors, or discarded.</summary>
    ResumeSkippingQueue,
    Stop,
    SkipToLive,
}
