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

    // Rows that lookups may point at, known to exist in this transaction: a batch of rows pointing at the same few
    // companies, currencies and groups asks the database once for each, not once per row.
    private readonly HashSet<(TableSchema Table, Guid Id)> known = [];
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

    /// <summary>
    /// The id every hook call of this transaction carries, so that a receiver called once per operation can tell
    /// which operations commit or roll back together.
    /// </summary>
    public Guid CorrelationId { get; } = Guid.NewGuid();

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
        if (key.Parts.Any(p => p.Value is null))
        {
            // A unique index lets null keys repeat, so only here does the key need looking up before the insert.
            CheckKey(table, row);
        }

        var sequence = store.NextSequence();
        var now = Now();
        var parameters = new SqlParameters(TableStatements.InsertSystemColumns + table.Fields.Count);
        parameters.Add(sequence);
        parameters.Add(now);
        parameters.Add(now);
        parameters.Add(ActorId);
        parameters.Add(ActorId);
        foreach (var field in table.Fields)
        {
            parameters.Add(SqliteValues.ToStorage(table, field, row[field.Name]));
        }

        // The key and the alternate keys have unique indexes, so the insert itself finds a duplicate; only then are
        // they looked up, to say which one it is.
        var rowId = ExecuteScalar(TableStatements.For(table).Insert, parameters, () => DuplicateOf(table, row, sequence));
        var changed = values.Fields.Concat(composed?.Fields ?? [])
            .Select(f => table.GetField(f).Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(f => row[f] is not null)
            .ToArray();
        Log(table, ChangeOperation.Create, rowId, row, changed, sequence, now);
        if (IdOf(table, row) is { } id)
        {
            known.Add((table, id));
        }

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
        Log(table, ChangeOperation.Update, existing.RowId, row, changed, sequence, now);
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
        known.Clear();
        Log(table, ChangeOperation.Delete, existing.RowId, existing.Values, [], sequence, Now());
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

    /// <summary>Whether the row of <paramref name="table"/> (keyed by one id) with this id exists, as a lookup needs it to.</summary>
    public bool Exists(TableSchema table, Guid id)
    {
        if (known.Contains((table, id)))
        {
            return true;
        }

        if (RowReader.FindRowId(connection, transaction, table, table.Key, [id], store.Prepared) is null)
        {
            return false;
        }

        known.Add((table, id));
        return true;
    }

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
            if (!Exists(target, id))
            {
                throw new StorageException(StorageError.NotFound, $"{table.EntitySet}.{field.Name}: {target.EntitySet}({id}) does not exist");
            }
        }
    }

    private void CheckKey(TableSchema table, Row row)
    {
        var key = KeyOf(table, row);
        if (FindRowId(table, table.Key, key.Parts.Select(p => p.Value).ToArray()) is not null)
        {
            throw new StorageException(StorageError.Duplicate, $"A record with the key {key} already exists in {table.EntitySet}.");
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

            var other = FindRowId(table, key.Fields, values);
            if (other is not null && other != exceptRowId)
            {
                var shown = string.Join(",", key.Fields.Select((f, i) => $"{f}='{values[i]}'"));
                throw new StorageException(StorageError.Duplicate, $"A record with the alternate key {key.Name} ({shown}) already exists in {table.EntitySet}.");
            }
        }
    }

    /// <summary>
    /// Why an insert broke a unique index, told as the checks before it would have told it: the key first, then the
    /// alternate keys; null when neither is the cause. Only the statement failed, so the transaction may go on,
    /// and the sequence the insert took is given back.
    /// </summary>
    private StorageException? DuplicateOf(TableSchema table, Row row, long sequence)
    {
        store.RewindSequence(sequence - 1);
        try
        {
            CheckKey(table, row);
            CheckAlternateKeys(table, row, exceptRowId: null);
            return null;
        }
        catch (StorageException e)
        {
            return e;
        }
    }

    private long? FindRowId(TableSchema table, IReadOnlyList<string> fields, IReadOnlyList<object?> values) =>
        RowReader.FindRowId(connection, transaction, table, fields, values, store.Prepared);

    private static Guid? IdOf(TableSchema table, Row row) =>
        table.Key.Count == 1 && row.GetValueOrDefault(table.Key[0]) is Guid id ? id : null;

    private void Log(TableSchema table, ChangeOperation operation, long rowId, Row row, IReadOnlyList<string> changed, long sequence, string at)
    {
        const string sql = "INSERT INTO _changelog (seq, tx, tbl, op, rowid_, keyjson, changed, principal, at) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)";
        var parameters = new SqlParameters(9);
        parameters.Add(sequence);
        parameters.Add(Id);
        parameters.Add(table.Name);
        parameters.Add((long)operation);
        parameters.Add(rowId);
        parameters.Add(ChangeLogKey.Format(table, row));
        parameters.Add(string.Join(",", changed));
        parameters.Add(Actor.ClientId);
        parameters.Add(at);
        ExecuteScalar(sql, parameters);
        changes.Add(new RowChange(table.Name, operation, KeyOf(table, row), changed, row, sequence));
    }

    private long ExecuteScalar(string sql, SqlParameters parameters, Func<StorageException?>? duplicate = null)
    {
        var command = store.Prepared(sql);
        command.Transaction = transaction;
        parameters.BindTo(command);
        try
        {
            return command.ExecuteScalar() is long value ? value : 0;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw duplicate?.Invoke() ?? new StorageException(StorageError.Duplicate, $"the write breaks a unique key: {e.Message}");
        }
    }
}
