namespace DualWrite.Cli.Remote.Shapes;

/// <summary>An active map as <c>GET /api/v1/maps</c> lists it.</summary>
internal sealed record MapSummary(
    string Name,
    string? FinOpsEntity,
    string? DataverseTable,
    string State,
    string? Version,
    string? Solution,
    LastError? LastError,
    MapQueue? Queue,
    bool Debug);
