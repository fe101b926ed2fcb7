namespace DualWrite.Runtime.InitialSync;

public enum SyncRunStatus
{
    /// <summary>Under way, or interrupted and waiting to continue from its checkpoint.</summary>
    Running,
    Completed,
    Failed,
}
