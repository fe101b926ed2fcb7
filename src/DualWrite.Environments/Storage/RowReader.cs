using System.Globalization;
using System.Text;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using Microsoft.Data.Sqlite;

namespace DualWrite.Environments.Storage;

/// <summary>Reads rows over one connection: the store's readers, or a write transaction that must see its own writes.</summary>
internal static class RowReader
{
    private const int SystemColumnCount = 6;

    public static QueryPage Query(SqliteConnection connection, SqliteTransaction? transaction, RowQuery query)
    {
        var table = query.Table;
        var parameters = new SqlParameters();
        var resolve = query.Resolve ?? (name => ResolveDefault(table, name));
        var conditions = new List<string>();
        if (query.Filter is not null)
        {
            conditions.Add(new SqlFilterTranslator(table, resolve, parameters).Translate(query.Filter));
        }

        if (query.After is not null)
        {
            conditions.Add(After(query.OrderBy, 0, query.After, parameters));
        }

        var sql = new StringBuilder(SelectList(table));
        foreach (var (sort, i) in query.OrderBy.Select((s, i) => (s, i)))
        {
            sql.Append(CultureInfo.InvariantCulture, $", {SqlNames.Column(sort.Field.Name)} AS s{i}");
        }

        sql.Append(" FROM ").Append(SqlNames.Table(table.Name));
        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY ");
        foreach (var sort in query.OrderBy)
        {
            sql.Append(SqlNames.Column(sort.Field.Name)).Append(sort.Descending ? " DESC, " : " ASC, ");
        }

        // The row id breaks ties, so every order is total and a cursor is exact.
        sql.Append(SqlNames.RowId).Append(" ASC");
        if (query.Take is not null || query.Skip > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {parameters.Add(query.Take ?? -1)} OFFSET {parameters.Add(query.Skip)}");
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.ToString();
        parameters.BindTo(command);
        var rows = new List<StoredRow>();
        var cursors = new List<PageCursor>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(ReadRow(table, reader));
            var sortValues = new object?[query.OrderBy.Count];
            for (var i = 0; i < sortValues.Length; i++)
            {
                var value = reader.GetValue(SystemColumnCount + table.Fields.Count + i);
                sortValues[i] = value is DBNull ? null : value;
            }

            cursors.Add(new PageCursor(sortValues, rows[^1].RowId));
        }

        return new QueryPage(rows, cursors);
    }

    public static long Count(SqliteConnection connection, RowQuery query)
    {
        var parameters = new SqlParameters();
        var sql = "SELECT COUNT(*) FROM " + SqlNames.Table(query.Table.Name);
        if (query.Filter is not null)
        {
            var resolve = query.Resolve ?? (name => ResolveDefault(query.Table, name));
            sql += " WHERE " + new SqlFilterTranslator(query.Table, resolve, parameters).Translate(query.Filter);
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters.BindTo(command);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The row whose <paramref name="fields"/> hold <paramref name="values"/>, compared as the columns compare.</summary>
    /// <param name="prepared">Gives a kept, prepared command for a statement (a write transaction's); null makes a new one.</param>
    public static StoredRow? FindBy(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        TableSchema table,
        IReadOnlyList<string> fields,
        IReadOnlyList<object?> values,
        Func<string, SqliteCommand>? prepared = null)
    {
        var parameters = new SqlParameters(fields.Count);
        var sql = $"{SelectList(table)} FROM {SqlNames.Table(table.Name)} WHERE {Conditions(table, fields, values, parameters)} LIMIT 1";
        return Run(connection, transaction, sql, parameters, prepared, reader => reader.Read() ? ReadRow(table, reader) : null);
    }

    /// <summary>
    /// The row id of the row whose <paramref name="fields"/> hold <paramref name="values"/>, or null: for checks
    /// that only ask whether a row is there, without reading its columns.
    /// </summary>
    /// <param name="prepared">Gives a kept, prepared command for a statement (a write transaction's); null makes a new one.</param>
    public static long? FindRowId(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        TableSchema table,
        IReadOnlyList<string> fields,
        IReadOnlyList<object?> values,
        Func<string, SqliteCommand>? prepared = null)
    {
        var parameters = new SqlParameters(fields.Count);
        var sql = $"SELECT {SqlNames.RowId} FROM {SqlNames.Table(table.Name)} WHERE {Conditions(table, fields, values, parameters)} LIMIT 1";
        return Run(connection, transaction, sql, parameters, prepared, reader => reader.Read() ? reader.GetInt64(0) : (long?)null);
    }

    public static StoredRow? FindByRowId(SqliteConnection connection, SqliteTransaction? transaction, TableSchema table, long rowId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{SelectList(table)} FROM {SqlNames.Table(table.Name)} WHERE {SqlNames.RowId} = $id";
        command.Parameters.AddWithValue("$id", rowId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRow(table, reader) : null;
    }

    public static FieldSchema? ResolveDefault(TableSchema table, string name) =>
        table.FindField(name) ?? name switch
        {
            "_version" => SystemFields.Version,
            "_createdon" => SystemFields.CreatedOn,
            "_modifiedon" => SystemFields.ModifiedOn,
            _ => null,
        };

    private static string SelectList(TableSchema table) => TableStatements.For(table).SelectList;

    /// <summary>"Each field equals its value", a null value matching only a null column.</summary>
    private static string Conditions(TableSchema table, IReadOnlyList<string> fields, IReadOnlyList<object?> values, SqlParameters parameters)
    {
        var conditions = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = table.GetField(fields[i]);
            var stored = SqliteValues.ToComparable(table, field, values[i]);
            conditions.Append(i == 0 ? string.Empty : " AND ").Append(SqlNames.Column(field.Name))
                .Append(stored is null ? " IS NULL" : " = " + parameters.Add(stored));
        }

        return conditions.ToString();
    }

    private static T Run<T>(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        SqlParameters parameters,
        Func<string, SqliteCommand>? prepared,
        Func<SqliteDataReader, T> read)
    {
        var command = prepared?.Invoke(sql) ?? connection.CreateCommand();
        try
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            parameters.BindTo(command);
            using var reader = command.ExecuteReader();
            return read(reader);
        }
        finally
        {
            if (prepared is null)
            {
                command.Dispose();
            }
        }
    }

    private static StoredRow ReadRow(TableSchema table, SqliteDataReader reader)
    {
        var values = new Row();
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var field = table.Fields[i];
            values[field.Name] = SqliteValues.FromStorage(field, reader.GetValue(SystemColumnCount + i));
        }

        return new StoredRow(
            reader.GetInt64(0),
            values,
            reader.GetInt64(1),
            (DateTimeOffset)SqliteValues.FromStorage(SystemFields.CreatedOn, reader.GetString(2))!,
            (DateTimeOffset)SqliteValues.FromStorage(SystemFields.ModifiedOn, reader.GetString(3))!,
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    /// <summary>
    /// "Strictly after the cursor" in the query's order, null-aware: SQLite puts nulls first when ascending
    /// and last when descending.
    /// </summary>
    private static string After(IReadOnlyList<SortField> order, int index, PageCursor cursor, SqlParameters parameters)
    {
        if (index == order.Count)
        {
            return $"{SqlNames.RowId} > {parameters.Add(cursor.RowId)}";
        }

        var column = SqlNames.Column(order[index].Field.Name);
        var value = cursor.SortValues[index];
        string greater;
        string equal;
        if (value is null)
        {
            greater = order[index].Descending ? "0" : $"{column} IS NOT NULL";
            equal = $"{column} IS NULL";
        }
        else
        {
            var p = parameters.Add(value);
            greater = order[index].Descending ? $"({column} < {p} OR {column} IS NULL)" : $"{column} > {p}";
            equal = $"{column} = {p}";
        }

        return $"({greater} OR ({equal} AND {After(order, index + 1, cursor, parameters)}))";
    }
}
