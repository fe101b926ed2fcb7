using System.Globalization;
using DualWrite.Runtime.Lifecycle;
using Microsoft.Data.Sqlite;

namespace DualWrite.Runtime.Store;

/// <summary>
/// The runtime store on one SQLite file (WAL). Every write is one transaction, durable before the call returns,
/// so what the runtime acknowledges survives the process.
/// </summary>
public sealed partial class SqliteRuntimeStore : IRuntimeStore
{
    private readonly string connectionString;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim writes = new(1, 1);

    private SqliteRuntimeStore(string path, TimeProvider time)
    {
        this.time = time;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public static async Task<SqliteRuntimeStore> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var store = new SqliteRuntimeStore(path, time);
        await store.MigrateAsync(cancellationToken);
        return store;
    }

    /// <summary>The schema version the database is at.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return Convert.ToInt32(await Scalar(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<string?> GetConnectionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Scalar(connection, null, "SELECT json FROM connection WHERE id = 1", cancellationToken) as string;
    }

    public Task SaveConnectionAsync(string json, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) => await Execute(c, t, """
            INSERT INTO connection (id, json, saved_at) VALUES (1, @json, @at)
            ON CONFLICT (id) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at
            """, cancellationToken, ("@json", json), ("@at", Now())), cancellationToken);

    public async Task<IReadOnlyList<string>> GetCompaniesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(connection, "SELECT code FROM companies ORDER BY position", r => r.GetString(0), cancellationToken);
    }

    public Task SetCompaniesAsync(IReadOnlyList<string> companies, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) =>
        {
            await Execute(c, t, "DELETE FROM companies", cancellationToken);
            for (var i = 0; i < companies.Count; i++)
            {
                await Execute(c, t, "INSERT INTO companies (code, position) VALUES (@code, @position)", cancellationToken, ("@code", companies[i]), ("@position", i));
            }
        }, cancellationToken);

    public Task SaveSolutionAsync(StoredSolution solution, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) => await Execute(c, t, """
            INSERT INTO solutions (name, version, json, imported_at) VALUES (@name, @version, @json, @at)
            """, cancellationToken, ("@name", solution.Name), ("@version", solution.Version), ("@json", solution.Json), ("@at", Format(solution.ImportedAt))), cancellationToken);

    public async Task<IReadOnlyList<StoredSolution>> GetSolutionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(connection, "SELECT name, version, json, imported_at FROM solutions ORDER BY imported_at, name, version",
            r => new StoredSolution(r.GetString(0), r.GetString(1), r.GetString(2), Parse(r.GetString(3))), cancellationToken);
    }

    public Task SetActiveMapAsync(ActiveMap active, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) => await Execute(c, t, """
            INSERT INTO active_maps (map, solution, solution_version) VALUES (@map, @solution, @version)
            ON CONFLICT (map) DO UPDATE SET solution = excluded.solution, solution_version = excluded.solution_version
            """, cancellationToken, ("@map", active.Map), ("@solution", active.Solution), ("@version", active.SolutionVersion)), cancellationToken);

    public async Task<IReadOnlyList<ActiveMap>> GetActiveMapsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(connection, "SELECT map, solution, solution_version FROM active_maps ORDER BY map",
            r => new ActiveMap(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);
    }

    public async Task<MapState> GetStateAsync(string map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Scalar(connection, null, "SELECT state FROM map_states WHERE map = @map", cancellationToken, ("@map", map)) is string state
            ? Enum.Parse<MapState>(state)
            : MapState.NotRunning;
    }

    public async Task<IReadOnlyDictionary<string, MapState>> GetStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await Query(connection, "SELECT map, state FROM map_states", r => (r.GetString(0), Enum.Parse<MapState>(r.GetString(1))), cancellationToken);
        return rows.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<bool> TransitionAsync(string map, MapState expected, MapState target, string who, string action, string? detail, CancellationToken cancellationToken, bool onlyWhenLaneEmpty = false)
    {
        var moved = false;
        await WriteAsync(async (c, t) =>
        {
            if (await StateOf(c, t, map, cancellationToken) != expected
                || (onlyWhenLaneEmpty && await Scalar(c, t, "SELECT 1 FROM queue WHERE map = @map LIMIT 1", cancellationToken, ("@map", map)) is not null))
            {
                return;
            }

            await Execute(c, t, """
                INSERT INTO map_states (map, state, changed_at) VALUES (@map, @state, @at)
                ON CONFLICT (map) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at
                """, cancellationToken, ("@map", map), ("@state", target.ToString()), ("@at", Now()));
            await Log(c, t, map, who, action, expected, target, detail, cancellationToken);
            moved = true;
        }, cancellationToken);
        return moved;
    }

    private static async Task<MapState> StateOf(SqliteConnection c, SqliteTransaction t, string map, CancellationToken cancellationToken) =>
        await Scalar(c, t, "SELECT state FROM map_states WHERE map = @map", cancellationToken, ("@map", map)) is string state ? Enum.Parse<MapState>(state) : MapState.NotRunning;

    public Task SetDebugAsync(string map, bool enabled, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) => await Execute(c, t, enabled
            ? "INSERT INTO map_debug (map, since) VALUES (@map, @at) ON CONFLICT (map) DO NOTHING"
            : "DELETE FROM map_debug WHERE map = @map", cancellationToken, ("@map", map), ("@at", Now())), cancellationToken);

    public async Task<IReadOnlySet<string>> GetDebugMapsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (await Query(connection, "SELECT map FROM map_debug", r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public Task AppendActivityAsync(string map, string who, string action, string? detail, CancellationToken cancellationToken) =>
        WriteAsync((c, t) => Log(c, t, map, who, action, null, null, detail, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<ActivityEntry>> GetActivityAsync(string map, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(
            connection,
            "SELECT seq, map, at, who, action, from_state, to_state, detail FROM activity WHERE map = @map ORDER BY seq DESC LIMIT @limit",
            r => new ActivityEntry(
                r.GetInt64(0), r.GetString(1), Parse(r.GetString(2)), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : Enum.Parse<MapState>(r.GetString(5)),
                r.IsDBNull(6) ? null : Enum.Parse<MapState>(r.GetString(6)),
                r.IsDBNull(7) ? null : r.GetString(7)),
            cancellationToken,
            ("@map", map),
            ("@limit", limit));
    }

    public Task ResetAsync(CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) =>
        {
            foreach (var table in (string[])["connection", "companies", "solutions", "active_maps", "map_states", "activity", "sync_runs", "sync_progress", "sync_errors", "queue", "catchup_errors", "error_log", "alert_rules", "map_debug"])
            {
                await Execute(c, t, $"DELETE FROM {table}", cancellationToken);
            }
        }, cancellationToken);

    public ValueTask DisposeAsync()
    {
        writes.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        return ValueTask.CompletedTask;
    }

    private Task Log(SqliteConnection c, SqliteTransaction t, string map, string who, string action, MapState? from, MapState? to, string? detail, CancellationToken cancellationToken) =>
        Execute(c, t, """
            INSERT INTO activity (map, at, who, action, from_state, to_state, detail) VALUES (@map, @at, @who, @action, @from, @to, @detail)
            """, cancellationToken, ("@map", map), ("@at", Now()), ("@who", who), ("@action", action), ("@from", from?.ToString()), ("@to", to?.ToString()), ("@detail", detail));

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = Convert.ToInt32(await Scalar(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken), CultureInfo.InvariantCulture);
        foreach (var migration in SqliteMigrations.All.Where(m => m.Version > applied).OrderBy(m => m.Version))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, transaction, migration.Sql, cancellationToken);
            await Execute(connection, transaction, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @at)", cancellationToken,
                ("@v", migration.Version), ("@d", migration.Description), ("@at", Now()));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> write, CancellationToken cancellationToken)
    {
        await writes.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writes.Release();
        }
    }

    private async Task<long> WriteCountAsync(Func<SqliteConnection, SqliteTransaction, Task<long>> write, CancellationToken cancellationToken)
    {
        long count = 0;
        await WriteAsync(async (c, t) => count = await write(c, t), cancellationToken);
        return count;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task Execute(SqliteConnection c, SqliteTransaction? t, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, t, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ExecuteCount(SqliteConnection c, SqliteTransaction? t, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, t, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> Scalar(SqliteConnection c, SqliteTransaction? t, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, t, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    private static async Task<IReadOnlyList<T>> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? t, string sql, (string Name, object? Value)[] parameters)
    {
        var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private string Now() => Format(time.GetUtcNow());

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
