using System.Globalization;
using DualWrite.Core.Schema;

namespace DualWrite.Runtime.DataManagement;

/// <summary>
/// The text of a data-management export as the values of the entity's fields, read the same on every machine:
/// dates as F&amp;O writes them (<c>8/25/2020 13:03</c>, month first) or ISO 8601, yes/no as <c>Yes</c>/<c>No</c>,
/// enums by member name, numbers with a point for decimals. An empty value is no value.
/// </summary>
internal static class DataManagementValues
{
    private static readonly string[] DateFormats =
    [
        "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm tt", "M/d/yyyy h:mm:ss tt", "M/d/yyyy",
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss",
    ];

    // No thousands separator: "12,5" written by a machine set to another culture must fail, not read as 125.
    private const NumberStyles Decimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>The value <paramref name="text"/> gives <paramref name="field"/>, or what is wrong with it.</summary>
    public static bool TryRead(string text, FieldSchema field, out object? value, out string? problem)
    {
        problem = null;
        value = null;
        if (text.Length == 0)
        {
            return true;
        }

        value = field.Type switch
        {
            FieldType.String => text,
            FieldType.Integer => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            FieldType.Decimal or FieldType.Money => decimal.TryParse(text, Decimal, CultureInfo.InvariantCulture, out var d) ? d : null,
            FieldType.Boolean => YesNo(text),
            FieldType.Date => Moment(text) is { } moment ? DateOnly.FromDateTime(moment.UtcDateTime) : null,
            FieldType.DateTime => Moment(text),
            FieldType.Guid => Guid.TryParse(text, out var g) ? g : null,
            FieldType.Enum => Member(field.Enum!, text),
            _ => null,
        };
        if (value is not null)
        {
            return true;
        }

        problem = $"'{text}' is not {Expected(field)}";
        return false;
    }

    private static bool? YesNo(string text) =>
        text.Equals("Yes", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" ? true
        : text.Equals("No", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" ? false
        : null;

    // F&O writes times without an offset, in UTC.
    private static DateTimeOffset? Moment(string text) =>
        DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)
            ? moment
            : null;

    // The export names members; a number is taken too, since some exports are made with enum values.
    private static int? Member(EnumType type, string text) =>
        type.FindByName(text)?.Value
        ?? (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? type.FindByValue(number)?.Value : null);

    private static string Expected(FieldSchema field) => field.Type switch
    {
        FieldType.Integer => "a whole number",
        FieldType.Decimal or FieldType.Money => "a number (with a point for decimals)",
        FieldType.Boolean => "Yes or No",
        FieldType.Date or FieldType.DateTime => "a date such as 8/25/2020 13:03 or 2020-08-25T13:03:00Z",
        FieldType.Guid => "a GUID",
        FieldType.Enum => $"a member of {field.Enum!.Name} ({string.Join(", ", field.Enum.Members.Select(m => m.Name))})",
        _ => $"a {field.Type.ToString().ToLowerInvariant()} value",
    };
}
