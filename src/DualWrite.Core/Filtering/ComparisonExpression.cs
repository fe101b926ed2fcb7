namespace DualWrite.Core.Filtering;

/// <summary><c>Field op Value</c>; a literal written on the left is moved to the right with the operator mirrored.</summary>
public sealed record ComparisonExpression(string Field, ComparisonOperator Operator, FilterLiteral Value) : FilterExpression;
