namespace DualWrite.Runtime.Reconciliation;

/// <summary>One mapped field on which the two sides' rows disagree, with each side's value as a person reads it.</summary>
/// <param name="Mapping">The field mapping in symbol form: <c>CREDITLIMIT = creditlimit</c>.</param>
/// <param name="FinOpsField">The F&amp;O field.</param>
/// <param name="DataverseField">The Dataverse column, or the lookup path whose value is shown.</param>
/// <param name="FinOpsValue">F&amp;O's value (enums by member name, text quoted), or null when it has none.</param>
/// <param name="DataverseValue">Dataverse's value (a lookup as the key value it points at), or null when it has none.</param>
public sealed record FieldDifference(string Mapping, string FinOpsField, string DataverseField, string? FinOpsValue, string? DataverseValue);
