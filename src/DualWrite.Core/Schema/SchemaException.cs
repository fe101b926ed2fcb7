namespace DualWrite.Core.Schema;

/// <summary>A schema that cannot be used as written; the message says where and why.</summary>
public sealed class SchemaException(string message) : Exception(message);
