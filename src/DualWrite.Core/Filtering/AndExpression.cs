namespace DualWrite.Core.Filtering;

public sealed record AndExpression(FilterExpression Left, FilterExpression Right) : FilterExpression;
