namespace DualWrite.Runtime.Solutions;

/// <summary>
/// A solution or map change the runtime's present state does not allow: the version is already held, or a map it
/// would change is started. The message says what to do.
/// </summary>
public sealed class SolutionConflictException(string message) : Exception(message);
