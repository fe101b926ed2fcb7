namespace DualWrite.Core.Maps;

/// <summary>Which way a field mapping carries values.</summary>
public enum MappingDirection
{
    /// <summary><c>=</c>: both ways.</summary>
    Both,

    /// <summary><c>&gt;</c>: Finance and Operations to Dataverse only.</summary>
    ToDataverse,

    /// <summary><c>&lt;</c>: Dataverse to Finance and Operations only.</summary>
    ToFinOps,
}
