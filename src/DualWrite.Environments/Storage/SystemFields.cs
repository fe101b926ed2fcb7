using DualWrite.Core.Schema;

namespace DualWrite.Environments.Storage;

/// <summary>The bookkeeping columns of every stored row, as fields a query can filter and order by.</summary>
internal static class SystemFields
{
    public static readonly FieldSchema Version = new() { Name = "_version", Type = FieldType.Integer, IsValidForCreate = false, IsValidForUpdate = false };
    public static readonly FieldSchema CreatedOn = new() { Name = "_createdon", Type = FieldType.DateTime, IsValidForCreate = false, IsValidForUpdate = false };
    public static readonly FieldSchema ModifiedOn = new() { Name = "_modifiedon", Type = FieldType.DateTime, IsValidForCreate = false, IsValidForUpdate = false };
    public static readonly FieldSchema CreatedBy = new() { Name = "_createdby", Type = FieldType.Guid, IsValidForCreate = false, IsValidForUpdate = false };
    public static readonly FieldSchema ModifiedBy = new() { Name = "_modifiedby", Type = FieldType.Guid, IsValidForCreate = false, IsValidForUpdate = false };
}
