using System.Globalization;
using DualWrite.Core.Schema;

namespace DualWrite.Connectors.FinOps;

/// <summary>CLR values as OData URL literals, the way F&amp;O reads them in keys and filters.</summary>
internal static class ODataLiteral
{
    public const string EnumNamespace = "Microsoft.Dynamics.DataEntities";

    /// <param name="field">The field the value is for, when known: an enum needs its type name, and takes its member by value or name.</param>
    /// <param name="value">The value.</param>
    public static string Format(FieldSchema? field, object? value) => value switch
    {
        null => "null",
        string name when field is { Type: FieldType.Enum, Enum: { } type } => Enum(type, type.FindByName(name)?.Name ?? name),
        int or long when field is { Type: FieldType.Enum, Enum: { } type } => Enum(type, MemberName(field, type, Convert.ToInt32(value, CultureInfo.InvariantCulture))),
        string s => String(s),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => String(value.ToString() ?? string.Empty),
    };

    /// <summary>A string literal: quotes inside are doubled, as OData escapes them.</summary>
    public static string String(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Enum(EnumType type, string member) => $"{EnumNamespace}.{type.Name}{String(member)}";

    private static string MemberName(FieldSchema field, EnumType type, int value) =>
        type.FindByValue(value)?.Name
        ?? throw new ArgumentException($"{value} is not a value of {type.Name}, the enum of '{field.Name}'.", nameof(value));
}
