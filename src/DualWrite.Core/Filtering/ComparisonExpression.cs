namespace DualWrite.Core.Filtering;

/// <summary><c>Field op Value</c>; a literal written on the left is moved to the right with the operator mirrored.</summary>
public sealed record ComparisonExpression(string Field, ComparisonOperator Operator, FilterLiteral Value) : FilterExpression
{
    /// <summary>The comparison <c>value op field</c>, turned round so that the field comes first.</summary>
    public static ComparisonExpression Mirrored(string field, ComparisonOperator op, FilterLiteral value) => new(field, op switch
    {
        ComparisonOperator.GreaterThan => ComparisonOperator.LessThan,
        ComparisonOperator.GreaterThanOrEqual => ComparisonOperator.LessThanOrEqual,
        ComparisonOperator.LessThan => ComparisonOperator.GreaterThan,
        ComparisonOperator.LessThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
        _ => op,
    }, value);
}
