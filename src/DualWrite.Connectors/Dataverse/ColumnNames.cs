using DualWrite.Core.Schema;

namespace DualWrite.Connectors.Dataverse;

/// <summary>
/// Column names as the Web API spells them: a lookup is read, selected, ordered and keyed as <c>_name_value</c>;
/// every table also has the system columns <c>versionnumber</c>, <c>createdon</c> and <c>modifiedon</c>.
/// </summary>
internal static class ColumnNames
{
    public const string VersionNumber = "versionnumber";
    public const string CreatedOn = "createdon";
    public const string ModifiedOn = "modifiedon";

    public static bool IsSystem(string name) =>
        name.Equals(VersionNumber, StringComparison.OrdinalIgnoreCase)
        || name.Equals(CreatedOn, StringComparison.OrdinalIgnoreCase)
        || name.Equals(ModifiedOn, StringComparison.OrdinalIgnoreCase);

    public static string ValueName(FieldSchema lookup) => $"_{lookup.Name}_value";

    /// <summary>The lookup a <c>_name_value</c> property stands for, or null.</summary>
    public static FieldSchema? LookupOfValueName(TableSchema table, string name) =>
        name.Length > "__value".Length && name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal)
        && table.FindField(name[1..^"_value".Length]) is { Type: FieldType.Lookup } lookup
            ? lookup
            : null;

    /// <summary>The name a column has in JSON and in query options; a column the table lacks is the caller's mistake.</summary>
    public static string JsonName(TableSchema table, string column)
    {
        if (IsSystem(column))
        {
            return column.ToLowerInvariant();
        }

        var field = Field(table, column);
        return field.Type == FieldType.Lookup ? ValueName(field) : field.Name;
    }

    /// <summary>The column a name gives, by its own name or as <c>_name_value</c>.</summary>
    public static FieldSchema Field(TableSchema table, string column) =>
        table.FindField(column) ?? LookupOfValueName(table, column)
        ?? throw new ArgumentException($"the table {table.Name} has no column '{column}'", nameof(column));
}
