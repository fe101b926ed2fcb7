namespace DualWrite.Connectors.Dataverse;

/// <summary>A table as the service describes it in <c>EntityDefinitions</c>.</summary>
/// <param name="LogicalName">The table's logical name (<c>account</c>).</param>
/// <param name="EntitySetName">Its name in URLs (<c>accounts</c>).</param>
/// <param name="PrimaryIdAttribute">The column holding the row id (<c>accountid</c>).</param>
/// <param name="Attributes">Its columns.</param>
/// <param name="AlternateKeys">Its alternate keys.</param>
public sealed record DataverseTableDefinition(
    string LogicalName,
    string EntitySetName,
    string PrimaryIdAttribute,
    IReadOnlyList<DataverseAttributeDefinition> Attributes,
    IReadOnlyList<DataverseAlternateKeyDefinition> AlternateKeys)
{
    /// <summary>The column with this logical name, or null.</summary>
    public DataverseAttributeDefinition? FindAttribute(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
