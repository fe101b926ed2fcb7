using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.LiveSync;
using DualWrite.Runtime.Queue;
using Microsoft.Data.Sqlite;

namespace DualWrite.Runtime.Store;

public sealed partial class SqliteRuntimeStore
{
    private const string QueueColumns = "seq, map, source, txn, source_table, operation, row_key, payload, queued_at";

    public async Task<IReadOnlyList<long>?> EnqueueAsync(IReadOnlyList<QueuedChange> changes, CancellationToken cancellationToken)
    {
        List<long>? sequences = null;
        await WriteAsync(async (c, t) =>
        {
            foreach (var map in changes.Select(c => c.Map).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (await StateOf(c, t, map, cancellationToken) is not (MapState.Initializing or MapState.Paused or MapState.Resuming))
                {
                    return;
                }
            }

            sequences = new List<long>(changes.Count);
            foreach (var change in changes)
            {
                var sequence = await Scalar(c, t, """
                    INSERT INTO queue (map, source, txn, source_table, operation, row_key, payload, queued_at)
                    VALUES (@map, @source, @txn, @table, @operation, @key, @payload, @at) RETURNING seq
                    """, cancellationToken, QueueParameters(change, Now()));
                sequences.Add((long)sequence!);
            }
        }, cancellationToken);
        return sequences;
    }

    public async Task<IReadOnlyList<QueuedChange>> ReadQueueAsync(string map, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(connection, $"SELECT {QueueColumns} FROM queue WHERE map = @map AND seq > @after ORDER BY seq LIMIT @limit",
            ReadQueued, cancellationToken, ("@map", map), ("@after", afterSequence), ("@limit", limit));
    }

    public async Task<IReadOnlyList<QueuedChange>> GetQueuedAsync(string map, string? key, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(connection, $"SELECT {QueueColumns} FROM queue WHERE map = @map{KeyCondition(key)} ORDER BY seq LIMIT @limit OFFSET @offset",
            ReadQueued, cancellationToken, ("@map", map), ("@key", key), ("@limit", limit), ("@offset", offset));
    }

    public async Task<long> CountQueuedAsync(string map, string? key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (long)(await Scalar(connection, null, $"SELECT COUNT(*) FROM queue WHERE map = @map{KeyCondition(key)}", cancellationToken, ("@map", map), ("@key", key)))!;
    }

    public Task DequeueAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) =>
        {
            foreach (var sequence in sequences)
            {
                await Execute(c, t, "DELETE FROM queue WHERE seq = @seq", cancellationToken, ("@seq", sequence));
            }
        }, cancellationToken);

    public Task FailQueuedAsync(QueuedChange change, string message, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) =>
        {
            await Execute(c, t, "DELETE FROM queue WHERE seq = @seq", cancellationToken, ("@seq", change.Sequence));
            await InsertCatchUpError(c, t, change, message, cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<QueueStats>> GetQueueStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(connection, "SELECT map, COUNT(*), MIN(queued_at), SUM(LENGTH(payload)) FROM queue GROUP BY map ORDER BY map",
            r => new QueueStats(r.GetString(0), r.GetInt64(1), Parse(r.GetString(2)), r.GetInt64(3)), cancellationToken);
    }

    public Task<long> ClearQueueAsync(string map, string? keepAsCatchUpErrors, CancellationToken cancellationToken) =>
        WriteCountAsync(async (c, t) =>
        {
            if (keepAsCatchUpErrors is not null)
            {
                await Execute(c, t, $"""
                    INSERT INTO catchup_errors ({QueueColumns}, failed_at, message)
                    SELECT {QueueColumns}, @at, @message FROM queue WHERE map = @map
                    """, cancellationToken, ("@map", map), ("@at", Now()), ("@message", keepAsCatchUpErrors));
            }

            return await ExecuteCount(c, t, "DELETE FROM queue WHERE map = @map", cancellationToken, ("@map", map));
        }, cancellationToken);

    public async Task<IReadOnlyList<CatchUpError>> GetCatchUpErrorsAsync(string map, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(connection, $"SELECT {QueueColumns}, failed_at, message FROM catchup_errors WHERE map = @map ORDER BY seq LIMIT @limit OFFSET @offset",
            r => new CatchUpError(ReadQueued(r), Parse(r.GetString(9)), r.GetString(10)), cancellationToken, ("@map", map), ("@limit", limit), ("@offset", offset));
    }

    public async Task<long> CountCatchUpErrorsAsync(string map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (long)(await Scalar(connection, null, "SELECT COUNT(*) FROM catchup_errors WHERE map = @map", cancellationToken, ("@map", map)))!;
    }

    public async Task<IReadOnlySet<string>> GetCatchUpErrorKeysAsync(string map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var keys = await Query(connection, "SELECT DISTINCT row_key FROM catchup_errors WHERE map = @map", r => r.GetString(0), cancellationToken, ("@map", map));
        return keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <remarks>A retried change goes back under its own sequence number, so it is replayed in its original place.</remarks>
    public Task<long> RetryCatchUpErrorsAsync(string map, IReadOnlyList<long>? sequences, CancellationToken cancellationToken) =>
        WriteCountAsync(async (c, t) =>
        {
            var which = CatchUpSelection(sequences, out var parameters);
            await Execute(c, t, $"INSERT INTO queue ({QueueColumns}) SELECT {QueueColumns} FROM catchup_errors WHERE map = @map{which}", cancellationToken, [("@map", map), .. parameters]);
            return await ExecuteCount(c, t, $"DELETE FROM catchup_errors WHERE map = @map{which}", cancellationToken, [("@map", map), .. parameters]);
        }, cancellationToken);

    public Task<long> DismissCatchUpErrorsAsync(string map, IReadOnlyList<long>? sequences, CancellationToken cancellationToken) =>
        WriteCountAsync(async (c, t) =>
        {
            var which = CatchUpSelection(sequences, out var parameters);
            return await ExecuteCount(c, t, $"DELETE FROM catchup_errors WHERE map = @map{which}", cancellationToken, [("@map", map), .. parameters]);
        }, cancellationToken);

    /// <summary>Keys are matched as catch-up matches them: whole, without regard to case.</summary>
    private static string KeyCondition(string? key) => key is null ? string.Empty : " AND row_key = @key COLLATE NOCASE";

    private static string CatchUpSelection(IReadOnlyList<long>? sequences, out (string Name, object? Value)[] parameters)
    {
        parameters = sequences?.Select((s, i) => ($"@s{i}", (object?)s)).ToArray() ?? [];
        return sequences is null ? string.Empty : sequences.Count == 0 ? " AND 0" : $" AND seq IN ({string.Join(", ", parameters.Select(p => p.Name))})";
    }

    private Task InsertCatchUpError(SqliteConnection c, SqliteTransaction t, QueuedChange change, string message, CancellationToken cancellationToken) =>
        Execute(c, t, $"""
            INSERT INTO catchup_errors ({QueueColumns}, failed_at, message)
            VALUES (@seq, @map, @source, @txn, @table, @operation, @key, @payload, @at, @failed, @message)
            """, cancellationToken, [("@seq", change.Sequence), .. QueueParameters(change, Format(change.QueuedAt)), ("@failed", Now()), ("@message", message)]);

    private static (string Name, object? Value)[] QueueParameters(QueuedChange change, string queuedAt) =>
    [
        ("@map", change.Map), ("@source", change.Source.ToString()), ("@txn", change.TransactionId), ("@table", change.Table),
        ("@operation", change.Operation.ToString()), ("@key", change.Key), ("@payload", change.Payload), ("@at", queuedAt),
    ];

    private static QueuedChange ReadQueued(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), Enum.Parse<HookSource>(r.GetString(2)), r.GetString(3), r.GetString(4),
        Enum.Parse<ChangeOperation>(r.GetString(5)), r.GetString(6), r.GetString(7), Parse(r.GetString(8)));
}
