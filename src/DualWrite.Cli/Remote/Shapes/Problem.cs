namespace DualWrite.Cli.Remote.Shapes;

/// <summary>An RFC 9457 problem-details body, with the validation findings a 422 lists.</summary>
internal sealed record Problem(string? Type, string? Title, int? Status, string? Detail, IReadOnlyList<Finding>? Findings);
