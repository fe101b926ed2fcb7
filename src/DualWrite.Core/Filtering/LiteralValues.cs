using System.Globalization;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Filtering;

/// <summary>A filter or key literal as the CLR value of the field it is compared with, or a refusal naming both.</summary>
public static class LiteralValues
{
    public static object? ToClr(FieldSchema field, FilterLiteral literal)
    {
        if (literal.Kind == LiteralKind.Null)
        {
            return null;
        }

        object? value = (field.Type, literal.Kind) switch
        {
            (FieldType.String, LiteralKind.String) => literal.Value,
            (FieldType.Integer, LiteralKind.Integer) => literal.Value,
            (FieldType.Decimal or FieldType.Money, LiteralKind.Integer or LiteralKind.Decimal) => Convert.ToDecimal(literal.Value, CultureInfo.InvariantCulture),
            (FieldType.Boolean, LiteralKind.Boolean) => literal.Value,
            (FieldType.Date, LiteralKind.Date) => literal.Value,
            (FieldType.DateTime, LiteralKind.DateTime or LiteralKind.Date) => literal.Value,
            (FieldType.Guid or FieldType.Lookup, LiteralKind.Guid) => literal.Value,
            (FieldType.Enum, LiteralKind.Integer) => EnumNumber(literal),
            (FieldType.Enum, LiteralKind.Enum or LiteralKind.String) => EnumValue(field, literal),
            _ => null,
        };
        return value ?? throw new FilterException(
            $"'{field.Name}' is {field.Type.ToString().ToLowerInvariant()} and cannot be compared with the {literal.Kind.ToString().ToLowerInvariant()} {literal.Value}");
    }

    // An integer no enum value can hold is refused like any other mismatch rather than overflowing.
    private static int? EnumNumber(FilterLiteral literal) =>
        Convert.ToInt64(literal.Value, CultureInfo.InvariantCulture) is var number and >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;

    private static int EnumValue(FieldSchema field, FilterLiteral literal)
    {
        if (literal.EnumType is { } type && field.Enum is { } expected && !string.Equals(type, expected.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new FilterException($"'{field.Name}' is of enum {expected.Name}, not {type}");
        }

        var member = field.Enum?.FindByName((string)literal.Value!);
        return member?.Value ?? throw new FilterException(
            $"'{literal.Value}' is not a member of {field.Enum?.Name} (members: {string.Join(", ", field.Enum?.Members.Select(m => m.Name) ?? [])})");
    }
}
