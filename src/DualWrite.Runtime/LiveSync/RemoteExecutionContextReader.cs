using System.Globalization;
using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Reads the <c>RemoteExecutionContext</c> a Dataverse webhook step posts for one operation: the message, the
/// table, the changed attributes (<c>InputParameters</c> Target) and the whole row (the post-image, or for a
/// delete the pre-image), with values in the data-contract shape (<c>__type</c> objects, <c>/Date(ms)/</c>).
/// </summary>
internal static class RemoteExecutionContextReader
{
    private const string DatePrefix = "/Date(";
    private const string Call = "the Dataverse webhook call";

    /// <exception cref="JsonException">The body is not such a context; the message says what is missing or wrong.</exception>
    public static SourceTransaction Read(JsonElement body, EnvironmentSchema schema)
    {
        var logical = HookJson.Text(body, "PrimaryEntityName", Call);
        var table = schema.FindTable(logical) ?? throw new JsonException($"the Dataverse webhook call is for the table '{logical}', which the Dataverse schema does not have");
        var message = HookJson.Text(body, "MessageName", Call);
        var operation = message switch
        {
            "Create" => ChangeOperation.Create,
            "Update" => ChangeOperation.Update,
            "Delete" => ChangeOperation.Delete,
            _ => throw new JsonException($"the Dataverse webhook call is for the message '{message}'; only Create, Update and Delete are synchronised"),
        };

        var target = Parameter(body, "InputParameters", "Target");
        var image = operation == ChangeOperation.Delete ? Parameter(body, "PreEntityImages", "PreImage") : Parameter(body, "PostEntityImages", "PostImage");
        var values = image is { } whole ? Attributes(table, whole) : target is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty("Attributes", out _) ? Attributes(table, t) : new Row();
        if (table.PrimaryIdField is { } idField && !values.Contains(idField) && body.TryGetProperty("PrimaryEntityId", out var id) && id.TryGetGuid(out var guid))
        {
            values[idField] = guid;
        }

        IReadOnlyCollection<string>? changed = operation == ChangeOperation.Update && target is { } set && set.TryGetProperty("Attributes", out _)
            ? Attributes(table, set).Fields.ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        var before = operation == ChangeOperation.Update && Parameter(body, "PreEntityImages", "PreImage") is { } pre ? Attributes(table, pre) : null;
        var operationId = body.TryGetProperty("OperationId", out var op) ? op.GetString() ?? string.Empty : string.Empty;
        var user = body.TryGetProperty("InitiatingUserId", out var u) ? u.GetString() : null;
        return new SourceTransaction(HookSource.Dataverse, operationId, user, [new SourceChange(0, table.EntitySet, operation, values, changed, before)], Correlation(body));
    }

    /// <summary>
    /// Whether the call comes from an asynchronous step (mode 1), once its transaction has committed, rather than
    /// from inside it; such a call only confirms, and carries nothing to write.
    /// </summary>
    public static bool IsAfterCommit(JsonElement body, out string? correlation)
    {
        correlation = Correlation(body);
        return body.TryGetProperty("Mode", out var mode) && mode.ValueKind == JsonValueKind.Number && mode.GetInt32() == 1;
    }

    private static string? Correlation(JsonElement body) =>
        body.TryGetProperty("CorrelationId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>A value of a key/value list such as <c>InputParameters</c>, or null when the list or key is absent.</summary>
    private static JsonElement? Parameter(JsonElement body, string list, string key)
    {
        if (!body.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("key", out var k) && k.GetString() == key && item.TryGetProperty("value", out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static Row Attributes(TableSchema table, JsonElement entity)
    {
        var row = new Row();
        if (!entity.TryGetProperty("Attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Array)
        {
            return row;
        }

        foreach (var attribute in attributes.EnumerateArray())
        {
            var name = attribute.TryGetProperty("key", out var k) ? k.GetString() : null;
            if (name is not null && table.FindField(name) is { } field && attribute.TryGetProperty("value", out var value))
            {
                row[field.Name] = Value(table, field, value);
            }
        }

        return row;
    }

    private static object? Value(TableSchema table, FieldSchema field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            var type = value.TryGetProperty("__type", out var t) ? t.GetString() ?? string.Empty : string.Empty;
            var inner = type.StartsWith("EntityReference:", StringComparison.Ordinal) ? "Id" : "Value";
            return value.TryGetProperty(inner, out var contained)
                ? Value(table, field, contained)
                : throw new JsonException($"the value of '{field.Name}' is a {type} without its {inner}");
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && text.StartsWith(DatePrefix, StringComparison.Ordinal))
        {
            var end = text.IndexOfAny([')', '+', '-'], DatePrefix.Length + 1);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text[DatePrefix.Length..end], CultureInfo.InvariantCulture));
            return field.Type == FieldType.Date ? DateOnly.FromDateTime(at.UtcDateTime) : at;
        }

        return HookJson.Value(table, field, value, EnumStyle.Value);
    }
}
