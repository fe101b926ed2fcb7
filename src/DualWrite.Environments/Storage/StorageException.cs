namespace DualWrite.Environments.Storage;

/// <summary>A write or query the storage refused; the message names the table, key, field and value.</summary>
internal sealed class StorageException(StorageError error, string message) : Exception(message)
{
    public StorageError Error { get; } = error;
}
