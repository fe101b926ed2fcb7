using DualWrite.Environments.Storage;

namespace DualWrite.Environments.OData;

/// <summary>Storage refusals as OData errors, with the status a client of the real service would get.</summary>
internal static class StorageErrors
{
    public static ODataException ToOData(StorageException e) => e.Error switch
    {
        StorageError.NotFound => new ODataException(404, "0x80040217", e.Message),
        StorageError.Duplicate => new ODataException(412, "0x80040237", e.Message),
        StorageError.Busy => new ODataException(503, "0x80040265", e.Message),
        _ => new ODataException(400, "0x80040203", e.Message),
    };
}
