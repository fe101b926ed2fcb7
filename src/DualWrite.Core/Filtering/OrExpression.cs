namespace DualWrite.Core.Filtering;

public sealed record OrExpression(FilterExpression Left, FilterExpression Right) : FilterExpression;
