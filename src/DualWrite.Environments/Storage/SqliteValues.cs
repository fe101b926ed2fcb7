using System.Globalization;
using DualWrite.Core.Schema;

namespace DualWrite.Environments.Storage;

/// <summary>
/// How each field type is held in SQLite so that SQL comparison and ordering agree with the type's own:
/// money and decimals as integers scaled by the field's scale, dates and times as fixed-width UTC text,
/// GUIDs as lower-case text, booleans as 0/1, enums as their integer value.
/// </summary>
internal static class SqliteValues
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string ColumnType(FieldType type) => type switch
    {
        FieldType.String => "TEXT COLLATE NOCASE",
        FieldType.Date or FieldType.DateTime or FieldType.Guid or FieldType.Lookup => "TEXT",
        _ => "INTEGER",
    };

    /// <summary>A CLR value (as <see cref="Core.Rows.Row"/> holds it) to the value stored.</summary>
    public static object? ToStorage(TableSchema table, FieldSchema field, object? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return field.Type switch
            {
                FieldType.String => ToText(table, field, (string)value),
                FieldType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                FieldType.Decimal or FieldType.Money => Scale(table, field, Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
                FieldType.Boolean => (bool)value ? 1L : 0L,
                FieldType.Date => value switch
                {
                    DateOnly d => d.ToString(DateFormat, CultureInfo.InvariantCulture),
                    DateTimeOffset dt => DateOnly.FromDateTime(dt.UtcDateTime).ToString(DateFormat, CultureInfo.InvariantCulture),
                    _ => throw new InvalidCastException(),
                },
                FieldType.DateTime => value switch
                {
                    DateTimeOffset dt => dt.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
                    DateOnly d => d.ToString(DateFormat, CultureInfo.InvariantCulture) + "T00:00:00Z",
                    _ => throw new InvalidCastException(),
                },
                FieldType.Guid or FieldType.Lookup => ((Guid)value).ToString("D"),
                FieldType.Enum => ToEnum(table, field, Convert.ToInt32(value, CultureInfo.InvariantCulture)),
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new StorageException(
                StorageError.Invalid,
                $"{table.Name}.{field.Name}: the value {(field.IsSecret ? "(not shown: the column is secret)" : $"'{value}'")} ({value.GetType().Name}) is not a valid {field.Type.ToString().ToLowerInvariant()}");
        }
    }

    /// <summary>
    /// A value to compare stored values with (a filter, a key to look up). Unlike a value to store, text longer
    /// than the field holds is no error: it just matches nothing.
    /// </summary>
    public static object? ToComparable(TableSchema table, FieldSchema field, object? value) =>
        field.Type == FieldType.String && value is string text ? text : ToStorage(table, field, value);

    /// <summary>A stored value back to the CLR value of the field's type.</summary>
    public static object? FromStorage(FieldSchema field, object? stored)
    {
        if (stored is null or DBNull)
        {
            return null;
        }

        return field.Type switch
        {
            FieldType.String => (string)stored,
            FieldType.Integer => (long)stored,
            FieldType.Decimal or FieldType.Money => Unscale(field, (long)stored),
            FieldType.Boolean => (long)stored != 0,
            FieldType.Date => DateOnly.ParseExact((string)stored, DateFormat, CultureInfo.InvariantCulture),
            FieldType.DateTime => DateTimeOffset.ParseExact((string)stored, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            FieldType.Guid or FieldType.Lookup => Guid.Parse((string)stored),
            FieldType.Enum => (int)(long)stored,
            _ => stored,
        };
    }

    private static string ToText(TableSchema table, FieldSchema field, string text) =>
        field.MaxLength is { } max && text.Length > max
            ? throw new StorageException(
                StorageError.Invalid,
                $"{table.Name}.{field.Name}: the value {(field.IsSecret ? "(not shown: the column is secret)" : $"'{Shorten(text)}'")} is {text.Length} characters long; at most {max} are allowed")
            : text;

    private static long Scale(TableSchema table, FieldSchema field, decimal value)
    {
        var scaled = Math.Round(value * Pow10(field.Scale), MidpointRounding.AwayFromZero);
        return scaled is >= long.MinValue and <= long.MaxValue
            ? (long)scaled
            : throw new StorageException(StorageError.Invalid, $"{table.Name}.{field.Name}: the value {value} is out of range");
    }

    private static decimal Unscale(FieldSchema field, long stored) => stored / Pow10(field.Scale);

    private static decimal Pow10(int scale)
    {
        var factor = 1m;
        for (var i = 0; i < scale; i++)
        {
            factor *= 10;
        }

        return factor;
    }

    private static long ToEnum(TableSchema table, FieldSchema field, int value) =>
        field.Enum?.FindByValue(value) is not null
            ? value
            : throw new StorageException(
                StorageError.Invalid,
                $"{table.Name}.{field.Name}: {value} is not a value of {field.Enum?.Name} (allowed: {string.Join(", ", field.Enum?.Members.Select(m => $"{m.Name}={m.Value}") ?? [])})");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
