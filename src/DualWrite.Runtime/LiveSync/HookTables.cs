using System.Text.Json;
using DualWrite.Core.Schema;

namespace DualWrite.Runtime.LiveSync;

/// <summary>The source tables a hook call's changes are for, named as maps name them.</summary>
internal static class HookTables
{
    /// <summary>The F&amp;O sync hook: a transaction's <c>changes</c>, each naming its <c>entity</c>.</summary>
    public static IReadOnlyCollection<string> OfFinOps(JsonElement body) =>
        body.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array
            ? changes.EnumerateArray()
                .Select(c => c.TryGetProperty("entity", out var e) ? e.GetString() : null)
                .OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase)
            : throw new JsonException("the F&O hook call has no 'changes' array");

    /// <summary>
    /// The Dataverse webhook's <c>RemoteExecutionContext</c>, whose <c>PrimaryEntityName</c> is a logical name; maps
    /// name tables by entity set.
    /// </summary>
    public static IReadOnlyCollection<string> OfDataverse(JsonElement body, EnvironmentSchema schema)
    {
        var logical = body.TryGetProperty("PrimaryEntityName", out var name) ? name.GetString() : null;
        if (string.IsNullOrEmpty(logical))
        {
            throw new JsonException("the Dataverse webhook call has no 'PrimaryEntityName'");
        }

        return [schema.FindTable(logical)?.EntitySet ?? logical];
    }
}
