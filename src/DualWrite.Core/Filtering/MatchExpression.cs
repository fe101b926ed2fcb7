namespace DualWrite.Core.Filtering;

/// <summary>A text match on a string field; matching ignores case, as both environments do.</summary>
public sealed record MatchExpression(string Field, MatchKind Kind, string Text) : FilterExpression;
