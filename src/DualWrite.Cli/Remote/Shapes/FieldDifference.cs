namespace DualWrite.Cli.Remote.Shapes;

/// <summary>A field on which the sides differ, with both values as a person reads them.</summary>
internal sealed record FieldDifference(string Mapping, string FinOpsField, string DataverseField, string? FinOpsValue, string? DataverseValue);
