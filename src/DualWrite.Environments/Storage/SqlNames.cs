namespace DualWrite.Environments.Storage;

/// <summary>
/// Table and column identifiers as SQL. Names come from the schema file, never from a request, and are quoted
/// so that a schema name can never be read as SQL.
/// </summary>
internal static class SqlNames
{
    public const string RowId = "\"_rowid\"";
    public const string Version = "\"_version\"";
    public const string CreatedOn = "\"_createdon\"";
    public const string ModifiedOn = "\"_modifiedon\"";
    public const string CreatedBy = "\"_createdby\"";
    public const string ModifiedBy = "\"_modifiedby\"";

    public static string Table(string name) => Quote("t_" + name);

    public static string Column(string name) => Quote(name);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
