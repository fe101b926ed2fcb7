using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DualWrite.Core.Schema;

namespace DualWrite.Environments.Storage;

/// <summary>
/// The SQL that reads and inserts whole rows of a table, built once per table: with sixty columns, building
/// the text for every row cost more than running it.
/// </summary>
internal sealed class TableStatements
{
    /// <summary>The system columns an insert sets before the table's fields: version, created and modified on and by.</summary>
    public const int InsertSystemColumns = 5;

    private static readonly ConditionalWeakTable<TableSchema, TableStatements> Built = [];

    private TableStatements(TableSchema table)
    {
        var select = new StringBuilder("SELECT ")
            .AppendJoin(", ", [SqlNames.RowId, SqlNames.Version, SqlNames.CreatedOn, SqlNames.ModifiedOn, SqlNames.CreatedBy, SqlNames.ModifiedBy]);
        var columns = new StringBuilder($"{SqlNames.Version}, {SqlNames.CreatedOn}, {SqlNames.ModifiedOn}, {SqlNames.CreatedBy}, {SqlNames.ModifiedBy}");
        foreach (var field in table.Fields)
        {
            select.Append(", ").Append(SqlNames.Column(field.Name));
            columns.Append(", ").Append(SqlNames.Column(field.Name));
        }

        SelectList = select.ToString();
        var placeholders = string.Join(", ", Enumerable.Range(0, InsertSystemColumns + table.Fields.Count).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)));
        Insert = $"INSERT INTO {SqlNames.Table(table.Name)} ({columns}) VALUES ({placeholders}) RETURNING {SqlNames.RowId}";
    }

    /// <summary><c>SELECT</c> of the system columns, then every field in schema order; <c>FROM</c> and the rest follow.</summary>
    public string SelectList { get; }

    /// <summary>An insert of one row: the system columns, then every field in schema order, as <c>$p0</c>, <c>$p1</c>, …; it returns the row id.</summary>
    public string Insert { get; }

    public static TableStatements For(TableSchema table) => Built.GetValue(table, t => new TableStatements(t));
}
