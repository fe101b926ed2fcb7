namespace DualWrite.Cli.Remote;

/// <summary>The runtime could not be found or did not answer; the message says what to do.</summary>
internal sealed class RuntimeUnreachableException : Exception
{
    public RuntimeUnreachableException()
    {
    }

    public RuntimeUnreachableException(string message)
        : base(message)
    {
    }

    public RuntimeUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
