using System.Globalization;
using System.Text.Json;
using DualWrite.Core.Schema;

namespace DualWrite.Protocols.Json;

/// <summary>Field values to and from OData JSON, checked against the field's type.</summary>
public static class JsonValues
{
    private const string DateFormat = "yyyy-MM-dd";

    public static object? Read(TableSchema table, FieldSchema field, JsonElement element, EnumStyle enums)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        object? value = (field.Type, element.ValueKind) switch
        {
            (FieldType.String, JsonValueKind.String) => element.GetString(),
            (FieldType.Integer, JsonValueKind.Number) when element.TryGetInt32(out var i) => (long)i,
            (FieldType.Decimal or FieldType.Money, JsonValueKind.Number) when element.TryGetDecimal(out var d) => d,
            (FieldType.Decimal or FieldType.Money, JsonValueKind.String) when decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            (FieldType.Boolean, JsonValueKind.True or JsonValueKind.False) => element.GetBoolean(),
            (FieldType.Date, JsonValueKind.String) => ReadDate(element.GetString()!),
            (FieldType.DateTime, JsonValueKind.String) when DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) => dt.ToUniversalTime(),
            (FieldType.Guid or FieldType.Lookup, JsonValueKind.String) when Guid.TryParse(element.GetString(), out var g) => g,
            (FieldType.Enum, JsonValueKind.String) when enums == EnumStyle.Name => field.Enum?.FindByName(StripEnumType(element.GetString()!))?.Value,
            (FieldType.Enum, JsonValueKind.Number) when element.TryGetInt32(out var v) && field.Enum?.FindByValue(v) is not null => v,
            _ => null,
        };
        return value ?? throw new JsonValueException(
            $"Cannot convert the value {(field.IsSecret ? "(not shown: the column is secret)" : Shorten(element.GetRawText()))} to {Describe(field, enums)} for the property '{field.Name}' of '{table.EntitySet}'.");
    }

    public static void Write(Utf8JsonWriter writer, string name, FieldSchema field, object? value, EnumStyle enums)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string s:
                writer.WriteString(name, s);
                break;
            case long l:
                writer.WriteNumber(name, l);
                break;
            case decimal d:
                writer.WriteNumber(name, d);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateOnly date:
                writer.WriteString(name, date.ToString(DateFormat, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset dt:
                writer.WriteString(name, dt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;
            case Guid g:
                writer.WriteString(name, g.ToString("D"));
                break;
            case int e when field.Type == FieldType.Enum && enums == EnumStyle.Name:
                writer.WriteString(name, field.Enum?.FindByValue(e)?.Name ?? e.ToString(CultureInfo.InvariantCulture));
                break;
            case int e:
                writer.WriteNumber(name, e);
                break;
            default:
                writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static DateOnly? ReadDate(string text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) ? DateOnly.FromDateTime(dt.UtcDateTime)
        : null;

    /// <summary>Accepts <c>Microsoft.Dynamics.DataEntities.NoYes'Yes'</c> as well as <c>Yes</c>.</summary>
    private static string StripEnumType(string text)
    {
        var quote = text.IndexOf('\'', StringComparison.Ordinal);
        return quote > 0 && text.EndsWith('\'') ? text[(quote + 1)..^1] : text;
    }

    private static string Describe(FieldSchema field, EnumStyle enums) => field.Type switch
    {
        FieldType.Enum when field.Enum is not null => enums == EnumStyle.Name
            ? $"a member of {field.Enum.Name} ({string.Join(", ", field.Enum.Members.Select(m => m.Name))})"
            : $"a value of {field.Enum.Name} ({string.Join(", ", field.Enum.Members.Select(m => m.Value))})",
        FieldType.String => "Edm.String",
        _ => EdmTypeNames.Of(field.Type),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
