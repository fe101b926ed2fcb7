namespace DualWrite.Core.Filtering;

/// <summary>A filter that parses but cannot apply to a table: an unknown field, or a value of the wrong type for it.</summary>
public sealed class FilterException(string message) : Exception(message);
