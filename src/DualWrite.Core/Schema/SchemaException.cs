namespace DualWrite.Core.Schema;

/// <summary>A schema that cannot be used as written; the message says where and why.</summary>
public sealed class SchemaException : Exception
{
    public SchemaException(string message)
        : base(message)
    {
    }

    public SchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
