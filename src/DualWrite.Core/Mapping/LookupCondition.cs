namespace DualWrite.Core.Mapping;

/// <summary>One column of a related row's key: a value, or another related row found the same way.</summary>
/// <param name="Column">The column of the related table.</param>
/// <param name="Value">Its value, when the column is not itself a lookup.</param>
/// <param name="Related">The row it must point at, when the column is a lookup.</param>
public sealed record LookupCondition(string Column, object? Value, LookupRequest? Related = null)
{
    public override string ToString() => Related is null ? $"{Column} = {Maps.MapText.Value(Value)}" : $"{Column} = ({Related})";
}
