using System.Globalization;
using System.Text;
using DualWrite.Core.Schema;
using Microsoft.Data.Sqlite;

namespace DualWrite.Environments.Storage;

/// <summary>
/// One environment's database: a SQLite file in WAL mode with a table per schema table, and a change log
/// written in the same transaction as the rows. Writes go one at a time through a single connection (SQLite
/// has one writer anyway); reads use pooled connections and see the last committed state.
/// </summary>
internal sealed class EnvironmentStore : IDisposable
{
    private readonly string connectionString;
    private readonly SqliteConnection writer;
    private readonly SemaphoreSlim writeLock = new(1, 1);

    // The writer's statements are prepared once and kept: preparing them again for every row costs more than the write.
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private const int MaxPrepared = 1_000;
    private long lastSequence;
    private long lastTransaction;

    public EnvironmentStore(EnvironmentSchema schema, string databasePath, TimeProvider time)
    {
        Schema = schema;
        Time = time;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
        CreateSchema();
        lastSequence = Scalar(writer, "SELECT COALESCE(MAX(seq), 0) FROM _changelog");
        lastTransaction = Scalar(writer, "SELECT COALESCE(MAX(tx), 0) FROM _changelog");
    }

    public EnvironmentSchema Schema { get; }

    public TimeProvider Time { get; }

    /// <summary>The newest change log sequence: the version of the last write, and a change-tracking token.</summary>
    public long LastSequence => Interlocked.Read(ref lastSequence);

    /// <summary>Waits for the single writer, then opens a transaction; dispose without commit rolls it back.</summary>
    public async Task<WriteTransaction> BeginWriteAsync(WriteActor actor, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!await writeLock.WaitAsync(wait, cancellationToken))
        {
            throw new StorageException(StorageError.Busy, $"another write has held the environment for more than {wait.TotalSeconds:0} seconds; try again");
        }

        try
        {
            var transaction = writer.BeginTransaction(deferred: false);
            return new WriteTransaction(this, writer, transaction, actor, ++lastTransaction, writeLock);
        }
        catch
        {
            writeLock.Release();
            throw;
        }
    }

    /// <summary>The sequence of the last committed change: a change-tracking token that no later commit can fall under.</summary>
    public long CommittedSequence()
    {
        using var connection = OpenConnection();
        return Scalar(connection, "SELECT COALESCE(MAX(seq), 0) FROM _changelog");
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public QueryPage Query(RowQuery query)
    {
        using var connection = OpenConnection();
        return RowReader.Query(connection, null, query);
    }

    public long Count(RowQuery query)
    {
        using var connection = OpenConnection();
        return RowReader.Count(connection, query);
    }

    public StoredRow? FindBy(TableSchema table, IReadOnlyList<string> fields, IReadOnlyList<object?> values)
    {
        using var connection = OpenConnection();
        return RowReader.FindBy(connection, null, table, fields, values);
    }

    /// <summary>
    /// For change tracking: the rows of <paramref name="table"/> changed after <paramref name="since"/>, each once,
    /// with its present state, or its key when it no longer exists.
    /// </summary>
    public IReadOnlyList<TrackedChange> ChangesSince(TableSchema table, long since)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.rowid_, c.keyjson, c.seq FROM _changelog c
            JOIN (SELECT rowid_, MAX(seq) AS last FROM _changelog WHERE tbl = $t AND seq > $s GROUP BY rowid_) m
              ON c.seq = m.last
            ORDER BY c.seq
            """;
        command.Parameters.AddWithValue("$t", table.Name);
        command.Parameters.AddWithValue("$s", since);
        var found = new List<(long RowId, string KeyJson, long Seq)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        return found
            .Select(f => new TrackedChange(f.Seq, RowReader.FindByRowId(connection, null, table, f.RowId), ChangeLogKey.Parse(table, f.KeyJson)))
            .ToArray();
    }

    public void Dispose()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        writer.Dispose();
        writeLock.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }

    /// <summary>A kept command on the writer connection for a statement; only a write transaction, holding the writer, may use it.</summary>
    internal SqliteCommand Prepared(string sql)
    {
        if (prepared.TryGetValue(sql, out var command))
        {
            return command;
        }

        if (prepared.Count >= MaxPrepared)
        {
            // Updates of ever new sets of columns could grow the cache without end; start it again instead.
            foreach (var old in prepared.Values)
            {
                old.Dispose();
            }

            prepared.Clear();
        }

        command = writer.CreateCommand();
        command.CommandText = sql;
        prepared[sql] = command;
        return command;
    }

    internal long NextSequence() => Interlocked.Increment(ref lastSequence);

    internal void RewindSequence(long sequence) => Interlocked.Exchange(ref lastSequence, sequence);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void CreateSchema()
    {
        using var transaction = writer.BeginTransaction();
        Execute(writer, """
            CREATE TABLE IF NOT EXISTS _changelog (
              seq INTEGER PRIMARY KEY, tx INTEGER NOT NULL, tbl TEXT NOT NULL, op INTEGER NOT NULL,
              rowid_ INTEGER NOT NULL, keyjson TEXT NOT NULL, changed TEXT, principal TEXT, at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_changelog_tbl ON _changelog (tbl, seq);
            """);
        foreach (var table in Schema.Tables)
        {
            var name = SqlNames.Table(table.Name);
            var ddl = new StringBuilder($"CREATE TABLE IF NOT EXISTS {name} (")
                .Append(CultureInfo.InvariantCulture, $"{SqlNames.RowId} INTEGER PRIMARY KEY AUTOINCREMENT, {SqlNames.Version} INTEGER NOT NULL, ")
                .Append(CultureInfo.InvariantCulture, $"{SqlNames.CreatedOn} TEXT NOT NULL, {SqlNames.ModifiedOn} TEXT NOT NULL, {SqlNames.CreatedBy} TEXT, {SqlNames.ModifiedBy} TEXT");
            foreach (var field in table.Fields)
            {
                ddl.Append(", ").Append(SqlNames.Column(field.Name)).Append(' ').Append(SqliteValues.ColumnType(field.Type));
            }

            Execute(writer, ddl.Append(')').ToString());
            AddMissingColumns(table);
            Execute(writer, Index(table, "key", table.Key, unique: true));
            foreach (var key in table.AlternateKeys)
            {
                Execute(writer, Index(table, key.Name, key.Fields, unique: true));
            }

            foreach (var lookup in table.Fields.Where(f => f.Type == FieldType.Lookup))
            {
                // Only rows that point somewhere are looked for by a lookup, and many rows leave most lookups empty;
                // an index without them costs every insert less. A database made before keeps its full index.
                Execute(writer, Index(table, "lookup_" + lookup.Name, [lookup.Name], unique: false) + $" WHERE {SqlNames.Column(lookup.Name)} IS NOT NULL");
            }

            Execute(writer, Index(table, "version", ["_version"], unique: false));
        }

        transaction.Commit();
    }

    /// <summary>A schema that gained fields since the database was made gets them as new, empty columns.</summary>
    private void AddMissingColumns(TableSchema table)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = writer.CreateCommand())
        {
            command.CommandText = $"SELECT name FROM pragma_table_info('t_{table.Name.Replace("'", "''", StringComparison.Ordinal)}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var field in table.Fields.Where(f => !existing.Contains(f.Name)))
        {
            Execute(writer, $"ALTER TABLE {SqlNames.Table(table.Name)} ADD COLUMN {SqlNames.Column(field.Name)} {SqliteValues.ColumnType(field.Type)}");
        }
    }

    private static string Index(TableSchema table, string name, IReadOnlyList<string> fields, bool unique) =>
        $"CREATE {(unique ? "UNIQUE " : string.Empty)}INDEX IF NOT EXISTS {SqlNames.Column($"ix_{table.Name}_{name}")} " +
        $"ON {SqlNames.Table(table.Name)} ({string.Join(", ", fields.Select(SqlNames.Column))})";
}
