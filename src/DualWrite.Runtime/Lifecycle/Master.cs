namespace DualWrite.Runtime.Lifecycle;

/// <summary>The side whose values win when initial sync finds a row on both sides that differ.</summary>
public enum Master
{
    Dataverse,
    FinOps,
}
