namespace DualWrite.Runtime.Connection;

/// <summary>
/// A link, company or reset request that was refused or failed. The message says which environment or company and
/// why, in the environment's own words where it gave any, and never holds a secret.
/// </summary>
public sealed class LinkException : Exception
{
    public LinkException()
    {
    }

    public LinkException(string message)
        : base(message)
    {
    }

    public LinkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
