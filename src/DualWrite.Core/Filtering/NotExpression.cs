namespace DualWrite.Core.Filtering;

public sealed record NotExpression(FilterExpression Operand) : FilterExpression;
