namespace DualWrite.Core.Filtering;

public enum LiteralKind
{
    Null,
    String,
    Integer,
    Decimal,
    Boolean,
    Guid,
    Date,
    DateTime,

    /// <summary>A named enum member: <c>Microsoft.Dynamics.DataEntities.NoYes'Yes'</c> or <c>NoYes::Yes</c>.</summary>
    Enum,
}
