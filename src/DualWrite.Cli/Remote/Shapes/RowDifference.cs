namespace DualWrite.Cli.Remote.Shapes;

/// <summary>A key that is not the same on both sides: missing on one, or differing in the fields listed.</summary>
internal sealed record RowDifference(string Company, string Key, string Kind, IReadOnlyList<FieldDifference> Fields, string? Problem);
