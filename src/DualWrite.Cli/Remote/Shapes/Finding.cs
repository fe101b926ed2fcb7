namespace DualWrite.Cli.Remote.Shapes;

/// <summary>A validation or health finding: a code, what it concerns, and how to fix it.</summary>
internal sealed record Finding(string Code, string? Map, string? Field, string? Message, string? Fix);
