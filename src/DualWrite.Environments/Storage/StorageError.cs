namespace DualWrite.Environments.Storage;

internal enum StorageError
{
    /// <summary>A value or request that breaks the schema: wrong type, too long, required, read-only.</summary>
    Invalid,
    NotFound,
    Duplicate,

    /// <summary>Another write held the environment for longer than a caller may wait.</summary>
    Busy,
}
