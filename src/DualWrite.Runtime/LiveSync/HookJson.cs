using System.Text.Json;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;

namespace DualWrite.Runtime.LiveSync;

/// <summary>What both hook readers need of a call's JSON, with every problem as a <see cref="JsonException"/> that says where.</summary>
internal static class HookJson
{
    public static object? Value(TableSchema table, FieldSchema field, JsonElement value, EnumStyle enums)
    {
        try
        {
            return JsonValues.Read(table, field, value, enums);
        }
        catch (JsonValueException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <param name="element">The object that should hold the text.</param>
    /// <param name="name">The property.</param>
    /// <param name="where">What the object is, for the message: "a change of the F&amp;O hook call".</param>
    public static string Text(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new JsonException($"{where} has no '{name}'");
}
