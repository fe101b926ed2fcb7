namespace DualWrite.Connectors;

/// <summary>A call to an environment that failed: what was asked, the status, the service's code and message.</summary>
public sealed class ConnectorException(string message, int? status = null, string? code = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status, or null when no answer came.</summary>
    public int? Status { get; } = status;

    /// <summary>The service's error code (<c>0x80040217</c>), when it gave one.</summary>
    public string? Code { get; } = code;
}
