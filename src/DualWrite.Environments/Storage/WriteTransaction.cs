using System.Globalization;
using System.Text;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using Microsoft.Data.Sqlite;

namespace DualWrite.Environments.Storage;

/// <summary>
/// One atomic write: rows and their change log entries commit together or not at all. The changes are
/// kept in order so that hooks can be told about them before the commit.
/// </summary>
internal sealed class WriteTransaction : IAsyncDisposable
{
    private readonly EnvironmentStore store;
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SemaphoreSlim writeLock;
    private readonly long firstSequence;
    private readonly List<RowChange> changes = [];
    private bool done;

    public WriteTransaction(EnvironmentStore store, SqliteConnection connection, SqliteTransaction transaction, WriteActor actor, long id, SemaphoreSlim writeLock)
    {
        this.store = store;
        this.connection = connection;
        this.transaction = transaction;
        this.writeLock = writeLock;
        Actor = actor;
        Id = id;
        firstSequence = store.LastSequence;
    }

    public WriteActor Actor { get; }

    public long Id { get; }

    public IReadOnlyList<RowChange> Changes => changes;

    /// <summary>Work that may only start once the transaction has committed (asynchronous webhooks).</summary>
    public List<Func<Task>> AfterCommit { get; } = [];

    public EnvironmentSchema Schema => store.Schema;

    public StoredRow? FindBy(TableSchema table, IReadOnlyList<string> fields, IReadOnlyList<object?> values) =>
        RowReader.FindBy(connection, transaction, table, fields, values, store.Prepared);

    public QueryPage Query(RowQuery query) => RowReader.Query(connection, transaction, query);

    /// <param name="table">The table.</param>
    /// <param name="values">The values the caller sets; a column not valid for create is refused.</param>
    /// <param name="composed">Values the environment itself derives (such as a contact's full name), which may be read-only to callers.</param>
    public StoredRow Insert(TableSchema table, Row values, Row? composed = null)
    {
        var row = new Row(table.Fields.Select(f => new KeyValuePair<string, object?>(f.Name, values.GetValueOrDefault(f.Name))));
        foreach (var name in values.Fields)
        {
            var field = table.GetField(name);
            if (!field.IsValidForCreate && values[name] is not null)
            {
                throw Invalid(table, $"'{field.Name}' cannot be set on create");
            }
        }

        foreach (var (name, value) in composed ?? new Row())
        {
            row[table.GetField(name).Name] = value;
        }

        foreach (var field in table.Fields.Where(f => f.IsRequired && row[f.Name] is null))
        {
            throw Invalid(table, $"'{field.Name}' is required");
        }

        CheckLookups(table, values.Fields, row);
        var key = KeyOf(table, row);
        if (FindBy(table, table.Key, key.Parts.Select(p => p.Value).ToArray()) is not null)
        {
            throw new StorageException(StorageError.Duplicate, $"A record with the key {key} already exists in {table.EntitySet}.");
        }

        CheckAlternateKeys(table, row, exceptRowId: null);
        var sequence = store.NextSequence();
        var now = Now();
        var parameters = new SqlParameters();
        var columns = new StringBuilder($"{SqlNames.Version}, {SqlNames.CreatedOn}, {SqlNames.ModifiedOn}, {SqlNames.CreatedBy}, {SqlNames.ModifiedBy}");
        var placeholders = new StringBuilder()
            .AppendJoin(", ", [parameters.Add(sequence), parameters.Add(now), parameters.Add(now), parameters.Add(ActorId), parameters.Add(ActorId)]);
        foreach (var field in table.Fields)
        {
            columns.Append(", ").Append(SqlNames.Column(field.Name));
            placeholders.Append(", ").Append(parameters.Add(SqliteValues.ToStorage(table, field, row[field.Name])));
        }

        var rowId = ExecuteScalar($"INSERT INTO {SqlNames.Table(table.Name)} ({columns}) VALUES ({placeholders}) RETURNING {SqlNames.RowId}", parameters);
        var changed = values.Fields.Concat(composed?.Fields ?? [])
            .Select(f => table.GetField(f).Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(f => row[f] is not null)
            .ToArray();
        Log(table, ChangeOperation.Create, rowId, row, changed, sequence);
        var nowValue = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture);
        return new StoredRow(rowId, row, sequence, nowValue, nowValue, ActorId, ActorId);
    }

    /// <param name="table">The table.</param>
    /// <param name="existing">The row as it is.</param>
    /// <param name="changes">The values the caller sets; a column not valid for update is refused once it has a value.</param>
    /// <param name="composed">Values the environment itself derives from the row after the changes, which may be read-only to callers.</param>
    public StoredRow Update(TableSchema table, StoredRow existing, Row changes, Row? composed = null)
    {
        var row = new Row(existing.Values);
        var changed = new List<string>();
        foreach (var (name, value) in changes)
        {
            var field = table.GetField(name);
            var before = existing.Values.GetValueOrDefault(field.Name);
            if (SameValue(table, field, before, value))
            {
                continue;
            }

            if (table.Key.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw Invalid(table, $"the key field '{field.Name}' cannot be changed (from '{before}' to '{value}')");
            }

            if (!field.IsValidForUpdate && before is not null)
            {
                throw Invalid(table, $"'{field.Name}' cannot be changed once it is set");
            }

            if (field.IsRequired && value is null)
            {
                throw Invalid(table, $"'{field.Name}' is required");
            }

            row[field.Name] = value;
            changed.Add(field.Name);
        }

        foreach (var (name, value) in composed ?? new Row())
        {
            var field = table.GetField(name);
            if (!SameValue(table, field, row[field.Name], value))
            {
                row[field.Name] = value;
                if (!changed.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
                {
                    changed.Add(field.Name);
                }
            }
        }

        CheckLookups(table, changed, row);
        if (table.AlternateKeys.Any(k => k.Fields.Intersect(changed, StringComparer.OrdinalIgnoreCase).Any()))
        {
            CheckAlternateKeys(table, row, existing.RowId);
        }

        var sequence = store.NextSequence();
        var now = Now();
        var parameters = new SqlParameters();
        var set = new StringBuilder($"{SqlNames.Version} = {parameters.Add(sequence)}, {SqlNames.ModifiedOn} = {parameters.Add(now)}, {SqlNames.ModifiedBy} = {parameters.Add(ActorId)}");
        foreach (var name in changed)
        {
            set.Append(", ").Append(SqlNames.Column(name)).Append(" = ").Append(parameters.Add(SqliteValues.ToStorage(table, table.GetField(name), row[name])));
        }

        ExecuteScalar($"UPDATE {SqlNames.Table(table.Name)} SET {set} WHERE {SqlNames.RowId} = {parameters.Add(existing.RowId)}", parameters);
        Log(table, ChangeOperation.Update, existing.RowId, row, changed, sequence);
        return existing with
        {
            Values = row,
            Version = sequence,
            ModifiedOn = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture),
            ModifiedBy = ActorId,
        };
    }

    public void Delete(TableSchema table, StoredRow existing)
    {
        if (table.PrimaryIdField is { } idField && existing.Values[idField] is Guid id)
        {
            foreach (var referencing in Schema.Tables)
            {
                foreach (var lookup in referencing.Fields.Where(f => f.Type == FieldType.Lookup && string.Equals(f.LookupTarget, table.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    var user = FindBy(referencing, [lookup.Name], [id]);
                    if (user is not null && !(referencing == table && user.RowId == existing.RowId))
                    {
                        throw Invalid(table, $"the record {KeyOf(table, existing.Values)} cannot be deleted: {referencing.EntitySet} {KeyOf(referencing, user.Values)} refers to it through '{lookup.Name}'");
                    }
                }
            }
        }

        var sequence = store.NextSequence();
        var parameters = new SqlParameters();
        ExecuteScalar($"DELETE FROM {SqlNames.Table(table.Name)} WHERE {SqlNames.RowId} = {parameters.Add(existing.RowId)}", parameters);
        Log(table, ChangeOperation.Delete, existing.RowId, existing.Values, [], sequence);
    }

    public void Commit()
    {
        transaction.Commit();
        Finish();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!done)
            {
                transaction.Rollback();
                store.RewindSequence(firstSequence);
            }
        }
        finally
        {
            if (!done)
            {
                Finish();
            }

            transaction.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    public static RowKey KeyOf(TableSchema table, Row row) =>
        new(table.Key.Select(k => new KeyValuePair<string, object?>(k, row.GetValueOrDefault(k))).ToArray());

    private string ActorId => Actor.UserId.ToString("D");

    private static bool SameValue(TableSchema table, FieldSchema field, object? a, object? b) =>
        Equals(SqliteValues.ToStorage(table, field, a), SqliteValues.ToStorage(table, field, b))
        && !(field.Type == FieldType.String && !string.Equals((string?)a, (string?)b, StringComparison.Ordinal));

    private static StorageException Invalid(TableSchema table, string message) => new(StorageError.Invalid, $"{table.EntitySet}: {message}");

    private void Finish()
    {
        done = true;
        writeLock.Release();
    }

    private string Now() => store.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private void CheckLookups(TableSchema table, IEnumerable<string> fields, Row row)
    {
        foreach (var name in fields)
        {
            var field = table.GetField(name);
            if (field.Type != FieldType.Lookup || row[field.Name] is not Guid id)
            {
                continue;
            }

            var target = Schema.GetTable(field.LookupTarget!);
            if (FindBy(target, target.Key, [id]) is null)
            {
                throw new StorageException(StorageError.NotFound, $"{table.EntitySet}.{field.Name}: {target.EntitySet}({id}) does not exist");
            }
        }
    }

    private void CheckAlternateKeys(TableSchema table, Row row, long? exceptRowId)
    {
        foreach (var key in table.AlternateKeys)
        {
            var values = key.Fields.Select(f => row[f]).ToArray();
            if (values.Any(v => v is null))
            {
                continue;
            }

            var other = FindBy(table, key.Fields, values);
            if (other is not null && other.RowId != exceptRowId)
            {
                var shown = string.Join(",", key.Fields.Select((f, i) => $"{f}='{values[i]}'"));
                throw new StorageException(StorageError.Duplicate, $"A record with the alternate key {key.Name} ({shown}) already exists in {table.EntitySet}.");
            }
        }
    }

    private void Log(TableSchema table, ChangeOperation operation, long rowId, Row row, IReadOnlyList<string> changed, long sequence)
    {
        var parameters = new SqlParameters();
        var sql = "INSERT INTO _changelog (seq, tx, tbl, op, rowid_, keyjson, changed, principal, at) VALUES (" +
            string.Join(", ", [
                parameters.Add(sequence), parameters.Add(Id), parameters.Add(table.Name), parameters.Add((long)operation),
                parameters.Add(rowId), parameters.Add(ChangeLogKey.Format(table, row)), parameters.Add(string.Join(",", changed)),
                parameters.Add(Actor.ClientId), parameters.Add(Now()),
            ]) + ")";
        ExecuteScalar(sql, parameters);
        changes.Add(new RowChange(table.Name, operation, KeyOf(table, row), changed, row, sequence));
    }

    private long ExecuteScalar(string sql, SqlParameters parameters)
    {
        var command = store.Prepared(sql);
        command.Transaction = transaction;
        command.Parameters.Clear();
        parameters.BindTo(command);
        try
        {
            return command.ExecuteScalar() is long value ? value : 0;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new StorageException(StorageError.Duplicate, $"the write breaks a unique key: {e.Message}");
        }
    }
}
