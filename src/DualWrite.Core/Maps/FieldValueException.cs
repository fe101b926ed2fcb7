namespace DualWrite.Core.Maps;

/// <summary>A value that cannot become a value of the field it is meant for; the message names both.</summary>
public sealed class FieldValueException(string message) : Exception(message);
