namespace DualWrite.Connectors.Dataverse;

/// <summary>One column of a table definition.</summary>
/// <param name="Name">The logical name.</param>
/// <param name="Type">The <c>AttributeType</c>: <c>String</c>, <c>Integer</c>, <c>Money</c>, <c>Picklist</c>, <c>Lookup</c>, ….</param>
/// <param name="IsRequired">Whether the required level is application- or system-required.</param>
/// <param name="IsValidForCreate">Whether a create may set it.</param>
/// <param name="IsValidForUpdate">Whether an update may set it.</param>
/// <param name="Targets">For a lookup: the logical names of the tables it may point at; empty otherwise.</param>
public sealed record DataverseAttributeDefinition(
    string Name,
    string Type,
    bool IsRequired,
    bool IsValidForCreate,
    bool IsValidForUpdate,
    IReadOnlyList<string> Targets);
