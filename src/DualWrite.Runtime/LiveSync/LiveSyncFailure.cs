using DualWrite.Runtime.Monitoring;

namespace DualWrite.Runtime.LiveSync;

/// <summary>Why a source transaction could not be written to the other side: what the user sees, and what the error log keeps.</summary>
internal sealed class LiveSyncFailure(string map, string key, ErrorType type, int status, string message) : Exception(message)
{
    public string Map { get; } = map;

    public string Key { get; } = key;

    public ErrorType Type { get; } = type;

    /// <summary>The hook's answer: 409 for a concurrent change, 422 for the data, 502 or 504 for the other side.</summary>
    public int Status { get; } = status;
}
