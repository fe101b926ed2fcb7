namespace DualWrite.Environments.OData;

/// <summary>How enum values travel in JSON: F&amp;O by member name, Dataverse option sets by integer value.</summary>
internal enum EnumStyle
{
    Name,
    Value,
}
