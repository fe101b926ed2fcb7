namespace DualWrite.Core.Maps;

/// <summary>Maps that cannot be put in order: a cycle of dependencies, or a dependency on a map that is not there.</summary>
public sealed class MapOrderException(string message) : Exception(message);
