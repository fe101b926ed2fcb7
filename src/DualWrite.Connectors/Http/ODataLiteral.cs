using System.Globalization;
using DualWrite.Core.Schema;

namespace DualWrite.Connectors.Http;

/// <summary>CLR values as OData literals, the form a key in a URL and a <c>$filter</c> comparison both take.</summary>
internal static class ODataLiteral
{
    /// <summary>The namespace F&amp;O's enum types live in.</summary>
    public const string FinOpsEnumNamespace = "Microsoft.Dynamics.DataEntities";

    /// <param name="value">The value.</param>
    /// <param name="field">
    /// The field the value is for, when it is an F&amp;O enum: the literal then names the enum type and the member,
    /// <c>Microsoft.Dynamics.DataEntities.NoYes'Yes'</c>, whether the value is the member's name or its number.
    /// </param>
    public static string Format(object? value, FieldSchema? field = null) => value switch
    {
        null => "null",
        string name when field is { Type: FieldType.Enum, Enum: { } type } => Enum(type, type.FindByName(name)?.Name ?? name),
        int or long when field is { Type: FieldType.Enum, Enum: { } type } => Enum(type, MemberName(field, type, Convert.ToInt32(value, CultureInfo.InvariantCulture))),
        string s => String(s),
        bool b => b ? "true" : "false",
        Guid g => g.ToString("D"),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime t => Format(new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind))),
        long or int or short or byte or decimal => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        double or float => ((IFormattable)value).ToString("R", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"a {value.GetType().Name} cannot be written as an OData literal", nameof(value)),
    };

    /// <summary>A string literal: quotes inside are doubled, as OData escapes them.</summary>
    public static string String(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>The literal escaped for a URL path or query, so that a quote, a space or a slash in a value stays in it.</summary>
    public static string Escaped(object? value) => Uri.EscapeDataString(Format(value));

    private static string Enum(EnumType type, string member) => $"{FinOpsEnumNamespace}.{type.Name}{String(member)}";

    private static string MemberName(FieldSchema field, EnumType type, int value) =>
        type.FindByValue(value)?.Name
        ?? throw new ArgumentException($"{value} is not a value of {type.Name}, the enum of '{field.Name}'.", nameof(value));
}
