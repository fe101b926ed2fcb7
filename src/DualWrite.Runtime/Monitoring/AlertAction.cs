namespace DualWrite.Runtime.Monitoring;

/// <summary>What an alert rule does besides notifying when it fires.</summary>
public enum AlertAction
{
    /// <summary>Only notify.</summary>
    Notify,

    /// <summary>Pause the map: its changes queue instead of failing users' transactions.</summary>
    Pause,

    /// <summary>Stop the map.</summary>
    Stop,
}
