namespace DualWrite.Core.Schema;

/// <summary>The kinds of value a field holds, common to both environments.</summary>
public enum FieldType
{
    String,
    Integer,
    Decimal,
    Money,
    Boolean,
    Date,
    DateTime,
    Guid,

    /// <summary>An F&amp;O enum or a Dataverse option set: named members with integer values.</summary>
    Enum,

    /// <summary>A reference to a row of another table, held as that row's GUID id.</summary>
    Lookup,
}
