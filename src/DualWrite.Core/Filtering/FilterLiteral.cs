namespace DualWrite.Core.Filtering;

/// <summary>
/// A constant in a filter. <see cref="Value"/> is null, string, long, decimal, bool, Guid, DateOnly or
/// DateTimeOffset by <see cref="Kind"/>; for an enum it is the member name and <see cref="EnumType"/> the type.
/// </summary>
public sealed record FilterLiteral(LiteralKind Kind, object? Value, string? EnumType = null)
{
    public static readonly FilterLiteral Null = new(LiteralKind.Null, null);
}
