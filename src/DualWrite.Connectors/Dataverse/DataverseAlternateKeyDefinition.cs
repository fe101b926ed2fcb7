namespace DualWrite.Connectors.Dataverse;

/// <summary>An alternate key of a table definition.</summary>
/// <param name="Name">The key's logical name.</param>
/// <param name="Attributes">The columns it is made of, in order.</param>
public sealed record DataverseAlternateKeyDefinition(string Name, IReadOnlyList<string> Attributes);
