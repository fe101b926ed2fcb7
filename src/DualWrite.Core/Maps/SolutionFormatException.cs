namespace DualWrite.Core.Maps;

/// <summary>A solution file that cannot be read; the message says where it broke (line, or JSON path) and why.</summary>
public sealed class SolutionFormatException(string message) : Exception(message);
