namespace DualWrite.Runtime.Lifecycle;

/// <summary>An action refused: the message names the map, its state and the actions it allows.</summary>
public sealed class LifecycleException(string message) : Exception(message);
