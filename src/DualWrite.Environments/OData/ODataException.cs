namespace DualWrite.Environments.OData;

/// <summary>An operation that fails with an OData error: the status, the service's error code and a message for people.</summary>
internal sealed class ODataException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
