using System.Globalization;
using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Json;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Reads the F&amp;O sync hook's call: <c>transactionId</c>, <c>initiatingUserId</c> and <c>changes</c>, each with its
/// <c>sequence</c>, <c>entity</c>, <c>operation</c>, <c>changedFields</c> and the row's <c>values</c>, enums by name.
/// </summary>
internal static class FinOpsHookReader
{
    private const string Change = "a change of the F&O hook call";

    /// <exception cref="JsonException">The body is not such a call; the message says what is missing or wrong.</exception>
    public static SourceTransaction Read(JsonElement body, EnvironmentSchema schema)
    {
        if (!body.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the F&O hook call has no 'changes' array");
        }

        var read = new List<SourceChange>();
        foreach (var change in changes.EnumerateArray())
        {
            var entity = HookJson.Text(change, "entity", Change);
            var table = schema.FindTable(entity) ?? throw new JsonException($"the F&O hook call names the entity '{entity}', which the F&O schema does not have");
            var values = new Row();
            if (change.TryGetProperty("values", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    if (table.FindField(field.Name) is { } schemaField)
                    {
                        values[schemaField.Name] = HookJson.Value(table, schemaField, field.Value, EnumStyle.Name);
                    }
                }
            }

            var changed = change.TryGetProperty("changedFields", out var names) && names.ValueKind == JsonValueKind.Array
                ? names.EnumerateArray().Select(n => n.GetString()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase)
                : null;
            var sequence = change.TryGetProperty("sequence", out var s) && s.TryGetInt64(out var number) ? number : read.Count;
            read.Add(new SourceChange(sequence, table.Name, Operation(HookJson.Text(change, "operation", Change)), values, changed));
        }

        var transaction = body.TryGetProperty("transactionId", out var id) ? id.ToString() : string.Empty;
        var user = body.TryGetProperty("initiatingUserId", out var u) ? u.GetString() : null;
        return new SourceTransaction(HookSource.FinOps, transaction, user, read);
    }

    private static ChangeOperation Operation(string name) =>
        Enum.TryParse<ChangeOperation>(name, ignoreCase: true, out var operation) && Enum.IsDefined(operation)
            ? operation
            : throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is not an operation; a change is a Create, Update or Delete"));
}
