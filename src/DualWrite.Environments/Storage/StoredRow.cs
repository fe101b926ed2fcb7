using DualWrite.Core.Rows;

namespace DualWrite.Environments.Storage;

/// <summary>A row as stored: its field values and the bookkeeping every row carries.</summary>
internal sealed record StoredRow(
    long RowId,
    Row Values,
    long Version,
    DateTimeOffset CreatedOn,
    DateTimeOffset ModifiedOn,
    string? CreatedBy,
    string? ModifiedBy);
