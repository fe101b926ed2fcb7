namespace DualWrite.Core.Schema;

/// <summary>A named set of fields whose values identify a row as well as its id does.</summary>
public sealed record AlternateKey(string Name, IReadOnlyList<string> Fields);
