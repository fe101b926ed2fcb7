namespace DualWrite.Cli.Remote.Shapes;

/// <summary>The catch-up errors to retry or dismiss; null for all of them.</summary>
internal sealed record SequencesBody(IReadOnlyList<long>? Sequences);
