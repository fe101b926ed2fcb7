namespace DualWrite.Runtime.DataManagement;

/// <summary>
/// A data-management export that cannot be read as a whole (its header lacks a key column, or it is no CSV at all):
/// said before any row is read, with the file and the line.
/// </summary>
public sealed class DataManagementCsvException : Exception
{
    public DataManagementCsvException()
    {
    }

    public DataManagementCsvException(string message)
        : base(message)
    {
    }

    public DataManagementCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
