namespace DualWrite.Server.Admin.Errors;

/// <summary>Which catch-up errors: those sequences, or all of the map's when none are given.</summary>
internal sealed record SequencesBody(IReadOnlyList<long>? Sequences = null);
