using System.Text.Json;

namespace DualWrite.Runtime.Connection;

/// <summary>
/// The link as the store keeps it (<c>IRuntimeStore.SaveConnectionAsync</c>): both addresses with their secrets,
/// the secret of each hook registration and what was registered. The companies, solutions and active maps have places of their own.
/// </summary>
internal sealed record SavedConnection(
    int Format,
    SavedEnvironment FinOps,
    SavedEnvironment Dataverse,
    Uri HookBaseUrl,
    string HookSecret,
    DateTimeOffset LinkedAt,
    string LinkedBy,
    string FinOpsHookId,
    IReadOnlyList<string> FinOpsEntities,
    Guid DataverseEndpointId,
    IReadOnlyList<Guid> DataverseStepIds,
    IReadOnlyList<string> DataverseTables,
    string? DataverseHookSecret = null)
{
    /// <summary>The secret the F&amp;O sync hook sends (<see cref="HookSecret"/>) or the Dataverse webhook sends; a link saved before they had one each shares the first.</summary>
    public string SecretOf(LiveSync.HookSource source) => source == LiveSync.HookSource.Dataverse ? DataverseHookSecret ?? HookSecret : HookSecret;

    /// <summary>Raised whenever the shape changes, so that an older saved link can still be read.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public LinkHooks Hooks => new(FinOpsHookId, FinOpsEntities, DataverseEndpointId, DataverseStepIds, DataverseTables);

    public static SavedConnection Parse(string json)
    {
        SavedConnection? saved;
        try
        {
            saved = JsonSerializer.Deserialize<SavedConnection>(json, Json);
        }
        catch (JsonException e)
        {
            // The JSON's own text would hold the secrets: say where it broke, not what it says.
            throw new LinkException($"The saved link cannot be read (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}); reset the link with force and link again.");
        }

        return saved is { Format: CurrentFormat }
            ? saved
            : throw new LinkException($"The saved link is in format {saved?.Format.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, which this runtime does not read; reset the link with force and link again.");
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A record would print every property, the secrets among them.</summary>
    public override string ToString() => $"F&O {FinOps} and Dataverse {Dataverse}, linked at {LinkedAt:O} by {LinkedBy}";
}
