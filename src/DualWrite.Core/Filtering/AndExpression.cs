namespace DualWrite.Core.Filtering;

public sealed record AndExpression(FilterExpression Left, FilterExpression Right) : FilterExpression
{
    /// <summary>Both conditions, where either may be absent.</summary>
    public static FilterExpression? Of(FilterExpression? left, FilterExpression? right) =>
        left is null ? right : right is null ? left : new AndExpression(left, right);
}
