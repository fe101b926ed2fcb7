using System.Text.Json;
using System.Text.Json.Serialization;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Server.Admin.Maps;

/// <summary>
/// An active map as the list of maps shows it; read alone, also the map as in the solution file and its field
/// mappings in the symbol view, which the list leaves out.
/// </summary>
internal sealed record MapSummary(
    string Name,
    string FinOpsEntity,
    string DataverseTable,
    MapState State,
    string Version,
    string Solution,
    LastError? LastError,
    LaneSummary Queue,
    bool Debug)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Map { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Symbols { get; init; }
}
