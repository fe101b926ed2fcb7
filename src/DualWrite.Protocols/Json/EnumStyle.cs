namespace DualWrite.Protocols.Json;

/// <summary>How enum values travel in JSON: F&amp;O by member name, Dataverse option sets by integer value.</summary>
public enum EnumStyle
{
    Name,
    Value,
}
