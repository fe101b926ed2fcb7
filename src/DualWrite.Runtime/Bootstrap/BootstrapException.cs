namespace DualWrite.Runtime.Bootstrap;

/// <summary>A bootstrap refused before it wrote anything: a company that is not linked, a table without companies, a filter that does not parse.</summary>
public sealed class BootstrapException : Exception
{
    public BootstrapException()
    {
    }

    public BootstrapException(string message)
        : base(message)
    {
    }

    public BootstrapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
