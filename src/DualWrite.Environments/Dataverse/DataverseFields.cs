using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse;

/// <summary>
/// Column names as the Web API spells them: a lookup is read and filtered as <c>_name_value</c> and written
/// through <c>name@odata.bind</c>; every table also has <c>versionnumber</c>, <c>createdon</c> and <c>modifiedon</c>.
/// </summary>
internal static class DataverseFields
{
    public const string VersionNumber = "versionnumber";
    public const string CreatedOn = "createdon";
    public const string ModifiedOn = "modifiedon";

    public static string ValueName(FieldSchema lookup) => $"_{lookup.Name}_value";

    /// <summary>The field a query names, or null; a lookup only by its <c>_name_value</c> form.</summary>
    public static FieldSchema? Resolve(TableSchema table, string name)
    {
        if (name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal))
        {
            var lookup = table.FindField(name[1..^"_value".Length]);
            return lookup?.Type == FieldType.Lookup ? lookup : null;
        }

        return name switch
        {
            VersionNumber => SystemFields.Version,
            CreatedOn => SystemFields.CreatedOn,
            ModifiedOn => SystemFields.ModifiedOn,
            _ => table.FindField(name) is { Type: not FieldType.Lookup, IsSecret: false } field ? field : null,
        };
    }

    /// <summary>The name a field has in JSON.</summary>
    public static string JsonName(FieldSchema field) => field.Type == FieldType.Lookup ? ValueName(field) : field.Name;
}
