using System.Text.Json;

namespace DualWrite.Connectors.Dataverse;

/// <summary>An <c>EntityDefinitions</c> entry with its <c>Attributes</c> and <c>Keys</c> expanded, as a <see cref="DataverseTableDefinition"/>.</summary>
internal static class TableDefinitionJson
{
    public static DataverseTableDefinition Read(string table, JsonElement definition)
    {
        var attributes = Array(definition, "Attributes").Select(a => new DataverseAttributeDefinition(
            Text(a, "LogicalName") ?? throw Missing(table, "an attribute's LogicalName"),
            Text(a, "AttributeType") ?? "Unknown",
            a.TryGetProperty("RequiredLevel", out var level) && level.ValueKind == JsonValueKind.Object
                && Text(level, "Value") is "ApplicationRequired" or "SystemRequired",
            Flag(a, "IsValidForCreate"),
            Flag(a, "IsValidForUpdate"),
            Array(a, "Targets").Select(t => t.GetString()).OfType<string>().ToArray())).ToArray();
        var keys = Array(definition, "Keys").Select(k => new DataverseAlternateKeyDefinition(
            Text(k, "LogicalName") ?? throw Missing(table, "a key's LogicalName"),
            Array(k, "KeyAttributes").Select(t => t.GetString()).OfType<string>().ToArray())).ToArray();
        return new DataverseTableDefinition(
            Text(definition, "LogicalName") ?? throw Missing(table, "LogicalName"),
            Text(definition, "EntitySetName") ?? throw Missing(table, "EntitySetName"),
            Text(definition, "PrimaryIdAttribute") ?? throw Missing(table, "PrimaryIdAttribute"),
            attributes,
            keys);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // An absent flag is read as the service's default: a column may be written unless it says otherwise.
    private static bool Flag(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.False;

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static ConnectorException Missing(string table, string what) =>
        new($"The definition of {table} the service returned has no {what}.");
}
