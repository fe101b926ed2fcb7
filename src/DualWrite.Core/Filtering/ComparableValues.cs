using System.Globalization;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Filtering;

/// <summary>
/// Row values and filter literals brought to one CLR type per field type, so that any two values of a field
/// compare directly: long, decimal, bool, DateOnly, DateTimeOffset, Guid, int for enums, string.
/// </summary>
internal static class ComparableValues
{
    /// <exception cref="FilterException">The value is not of the field's type.</exception>
    public static object Canonical(FieldSchema field, object value) => (field.Type, value) switch
    {
        (FieldType.String, string) => value,
        (FieldType.Integer, long or int or short or byte) => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        (FieldType.Decimal or FieldType.Money, decimal or long or int) => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        (FieldType.Boolean, bool) => value,

        // Dates and times are held in UTC by both environments, so a date is the UTC day and stands for its
        // first instant, as the environments' storage compares them.
        (FieldType.Date, DateOnly) => value,
        (FieldType.Date, DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime),
        (FieldType.DateTime, DateTimeOffset) => value,
        (FieldType.DateTime, DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        (FieldType.Guid or FieldType.Lookup, Guid) => value,
        (FieldType.Enum, int) => value,
        (FieldType.Enum, long number) when number is >= int.MinValue and <= int.MaxValue => (int)number,

        // The value itself is left out: the field may be secret.
        _ => throw new FilterException(
            $"'{field.Name}' is {field.Type.ToString().ToLowerInvariant()} but holds a value of type {value.GetType().Name}"),
    };

    /// <summary>Orders two values already brought to the same field's type; strings ignore case.</summary>
    public static int Compare(object left, object right) => left is string text
        ? string.Compare(text, (string)right, StringComparison.OrdinalIgnoreCase)
        : ((IComparable)left).CompareTo(right);
}
