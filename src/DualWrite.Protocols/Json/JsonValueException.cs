namespace DualWrite.Protocols.Json;

/// <summary>A JSON value that is not a value of the field it is for; the message names the field, its table and the value.</summary>
public sealed class JsonValueException(string message) : Exception(message);
