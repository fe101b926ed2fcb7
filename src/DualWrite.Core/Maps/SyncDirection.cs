namespace DualWrite.Core.Maps;

/// <summary>The way one row travels: from the side where it changed to the other.</summary>
public enum SyncDirection
{
    FinOpsToDataverse,
    DataverseToFinOps,
}
