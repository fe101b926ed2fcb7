using System.Globalization;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Maps;

/// <summary>
/// Values crossing from one side's field type to the other's: an F&amp;O enum to a Dataverse option set by member
/// name, a NoYes enum to a boolean, a date to a date-time, a number to text; and the scalars written in a map
/// (defaults, value maps) to the field they are for.
/// </summary>
public static class FieldValues
{
    /// <summary>Whether a value of <paramref name="from"/> can always be offered to <paramref name="to"/>.</summary>
    public static bool CanConvert(FieldSchema from, FieldSchema to) => (from.Type, to.Type) switch
    {
        _ when from.Type == to.Type && from.Type != FieldType.Enum => true,
        (_, FieldType.String) => true,
        (FieldType.Integer or FieldType.Decimal or FieldType.Money, FieldType.Integer or FieldType.Decimal or FieldType.Money) => true,
        (FieldType.Date or FieldType.DateTime, FieldType.Date or FieldType.DateTime) => true,
        (FieldType.Enum, FieldType.Enum) => from.Enum!.Members.Any(m => to.Enum!.FindByName(m.Name) is not null),
        (FieldType.Enum, FieldType.Boolean) => IsYesNo(from.Enum!),
        (FieldType.Boolean, FieldType.Enum) => IsYesNo(to.Enum!),
        (FieldType.String, FieldType.Guid or FieldType.Lookup) => true,
        (FieldType.Guid or FieldType.Lookup, FieldType.Guid or FieldType.Lookup) => true,
        _ => false,
    };

    /// <summary>A value of <paramref name="from"/>'s type as a value of <paramref name="to"/>.</summary>
    public static object? Convert(object? value, FieldSchema from, FieldSchema to)
    {
        if (value is null)
        {
            return null;
        }

        object? converted = (from.Type, to.Type) switch
        {
            (FieldType.Enum, FieldType.Enum) => from.Enum!.FindByValue((int)value) is { } member ? to.Enum!.FindByName(member.Name)?.Value : null,
            (FieldType.Enum, FieldType.Boolean) => (int)value != 0,
            (FieldType.Boolean, FieldType.Enum) => to.Enum!.FindByValue((bool)value ? 1 : 0)?.Value,
            (FieldType.Enum, FieldType.String) => from.Enum!.FindByValue((int)value)?.Name,
            _ => FromScalar(to, value),
        };
        return converted ?? throw new FieldValueException($"{Describe(value, from)} has no counterpart in '{to.Name}'{Members(to)}");
    }

    /// <summary>A scalar written in a map, or a value of another type, as the value of <paramref name="field"/>.</summary>
    public static object? FromScalar(FieldSchema field, object? scalar)
    {
        if (scalar is null)
        {
            return null;
        }

        var text = scalar as string;
        object? value = field.Type switch
        {
            FieldType.String => Text(scalar),
            FieldType.Integer => scalar switch
            {
                long or int => System.Convert.ToInt64(scalar, CultureInfo.InvariantCulture),
                decimal d when d == decimal.Truncate(d) => (long)d,
                string when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
                _ => null,
            },
            FieldType.Decimal or FieldType.Money => scalar switch
            {
                long or int or decimal => System.Convert.ToDecimal(scalar, CultureInfo.InvariantCulture),
                string when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
                _ => null,
            },
            FieldType.Boolean => scalar switch
            {
                bool b => b,
                string when text!.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) => true,
                string when text!.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) => false,
                _ => null,
            },
            FieldType.Date => scalar switch
            {
                DateOnly d => d,
                DateTimeOffset dt => DateOnly.FromDateTime(dt.UtcDateTime),
                string when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
                string when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) => DateOnly.FromDateTime(dt.UtcDateTime),
                _ => null,
            },
            FieldType.DateTime => scalar switch
            {
                DateTimeOffset dt => dt.ToUniversalTime(),
                DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                string when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) => dt.ToUniversalTime(),
                _ => null,
            },
            FieldType.Guid or FieldType.Lookup => scalar switch
            {
                Guid g => g,
                string when Guid.TryParse(text, out var g) => g,
                _ => null,
            },
            FieldType.Enum => scalar switch
            {
                string => field.Enum!.FindByName(text!)?.Value,
                long or int => field.Enum!.FindByValue(System.Convert.ToInt32(scalar, CultureInfo.InvariantCulture))?.Value,
                decimal d when d == decimal.Truncate(d) => field.Enum!.FindByValue((int)d)?.Value,
                _ => null,
            },
            _ => null,
        };
        if (value is null)
        {
            throw new FieldValueException($"{Describe(scalar, null)} is not a valid {field.Type.ToString().ToLowerInvariant()} for '{field.Name}'{Members(field)}");
        }

        return value is string s && field.MaxLength is { } max && s.Length > max
            ? throw new FieldValueException($"{Describe(scalar, null)} is {s.Length} characters long; '{field.Name}' takes at most {max}")
            : value;
    }

    /// <summary>A value as a person reads it in a message: enums by member name, text quoted.</summary>
    public static string Describe(object? value, FieldSchema? field) => value switch
    {
        null => "null",
        int e when field?.Enum?.FindByValue(e) is { } member => $"'{member.Name}'",
        _ => MapText.Value(value),
    };

    private static string? Text(object scalar) => scalar switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => scalar.ToString(),
    };

    /// <summary>An enum of two members valued 0 and 1, such as NoYes: it carries a boolean.</summary>
    private static bool IsYesNo(EnumType type) =>
        type.Members.Count == 2 && type.FindByValue(0) is not null && type.FindByValue(1) is not null;

    private static string Members(FieldSchema field) =>
        field.Enum is { } type ? $" (one of {string.Join(", ", type.Members.Select(m => $"{m.Name}={m.Value}"))})" : string.Empty;
}
