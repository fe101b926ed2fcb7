using DualWrite.Core.Maps;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Store;

public sealed partial class SqliteRuntimeStore
{
    public async Task<SyncRun> StartSyncRunAsync(string map, Master master, bool skipFailedKeys, CancellationToken cancellationToken)
    {
        long id = 0;
        await WriteAsync(async (c, t) => id = (long)(await Scalar(c, t, """
            INSERT INTO sync_runs (map, master, skip_failed, status, started_at) VALUES (@map, @master, @skip, @status, @at) RETURNING id
            """, cancellationToken, ("@map", map), ("@master", master.ToString()), ("@skip", skipFailedKeys ? 1 : 0), ("@status", nameof(SyncRunStatus.Running)), ("@at", Now())))!, cancellationToken);
        return (await ReadRunsAsync("WHERE id = @id", cancellationToken, ("@id", id)))[0];
    }

    public async Task<SyncRun?> GetLatestSyncRunAsync(string map, CancellationToken cancellationToken)
    {
        var runs = await ReadRunsAsync("WHERE map = @map ORDER BY id DESC LIMIT 1", cancellationToken, ("@map", map));
        return runs.Count == 0 ? null : runs[0];
    }

    public async Task<SyncRun?> GetPreviousSyncRunAsync(string map, long runId, CancellationToken cancellationToken)
    {
        var runs = await ReadRunsAsync("WHERE map = @map AND id < @id ORDER BY id DESC LIMIT 1", cancellationToken, ("@map", map), ("@id", runId));
        return runs.Count == 0 ? null : runs[0];
    }

    public Task SaveSyncProgressAsync(long runId, SyncProgress progress, IReadOnlyList<SyncRowError> errors, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) =>
        {
            foreach (var error in errors)
            {
                await Execute(c, t, """
                    INSERT INTO sync_errors (run_id, company, direction, row_key, field, message, at) VALUES (@run, @company, @direction, @key, @field, @message, @at)
                    """, cancellationToken, ("@run", runId), ("@company", error.Company), ("@direction", error.Direction.ToString()), ("@key", error.Key),
                    ("@field", error.Field), ("@message", error.Message), ("@at", Format(error.At)));
            }

            var (dv, fo) = (progress.ToDataverse, progress.ToFinOps);
            await Execute(c, t, """
                INSERT INTO sync_progress (run_id, company, last_key, done, dv_read, dv_created, dv_updated, dv_unchanged, dv_failed, dv_skipped,
                  fo_read, fo_created, fo_updated, fo_unchanged, fo_failed, fo_skipped)
                VALUES (@run, @company, @key, @done, @dr, @dc, @du, @dn, @df, @ds, @fr, @fc, @fu, @fn, @ff, @fs)
                ON CONFLICT (run_id, company) DO UPDATE SET last_key = excluded.last_key, done = excluded.done,
                  dv_read = excluded.dv_read, dv_created = excluded.dv_created, dv_updated = excluded.dv_updated, dv_unchanged = excluded.dv_unchanged, dv_failed = excluded.dv_failed, dv_skipped = excluded.dv_skipped,
                  fo_read = excluded.fo_read, fo_created = excluded.fo_created, fo_updated = excluded.fo_updated, fo_unchanged = excluded.fo_unchanged, fo_failed = excluded.fo_failed, fo_skipped = excluded.fo_skipped
                """, cancellationToken, ("@run", runId), ("@company", progress.Company), ("@key", progress.LastKey), ("@done", progress.Done ? 1 : 0),
                ("@dr", dv.Read), ("@dc", dv.Created), ("@du", dv.Updated), ("@dn", dv.Unchanged), ("@df", dv.Failed), ("@ds", dv.Skipped),
                ("@fr", fo.Read), ("@fc", fo.Created), ("@fu", fo.Updated), ("@fn", fo.Unchanged), ("@ff", fo.Failed), ("@fs", fo.Skipped));
        }, cancellationToken);

    public async Task<IReadOnlyList<SyncProgress>> GetSyncProgressAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(
            connection,
            """
            SELECT company, last_key, done, dv_read, dv_created, dv_updated, dv_unchanged, dv_failed, dv_skipped,
              fo_read, fo_created, fo_updated, fo_unchanged, fo_failed, fo_skipped
            FROM sync_progress WHERE run_id = @run ORDER BY company
            """,
            r => new SyncProgress(
                r.GetString(0),
                r.IsDBNull(1) ? null : r.GetString(1),
                r.GetInt64(2) != 0,
                new SyncCounts(r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)),
                new SyncCounts(r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12), r.GetInt64(13), r.GetInt64(14))),
            cancellationToken,
            ("@run", runId));
    }

    public Task FinishSyncRunAsync(long runId, SyncRunStatus status, string? message, CancellationToken cancellationToken) =>
        WriteAsync(async (c, t) => await Execute(c, t, "UPDATE sync_runs SET status = @status, ended_at = @at, message = @message WHERE id = @id", cancellationToken,
            ("@status", status.ToString()), ("@at", Now()), ("@message", message), ("@id", runId)), cancellationToken);

    public async Task<IReadOnlyList<SyncRowError>> GetSyncErrorsAsync(long runId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(
            connection,
            "SELECT company, direction, row_key, field, message, at FROM sync_errors WHERE run_id = @run ORDER BY seq LIMIT @limit OFFSET @offset",
            r => new SyncRowError(r.GetString(0), Enum.Parse<SyncDirection>(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), Parse(r.GetString(5))),
            cancellationToken,
            ("@run", runId),
            ("@limit", limit),
            ("@offset", offset));
    }

    public async Task<long> CountSyncErrorsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (long)(await Scalar(connection, null, "SELECT COUNT(*) FROM sync_errors WHERE run_id = @run", cancellationToken, ("@run", runId)))!;
    }

    public async Task<IReadOnlySet<string>> GetFailedKeysAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var keys = await Query(connection, "SELECT DISTINCT row_key FROM sync_errors WHERE run_id = @run", r => r.GetString(0), cancellationToken, ("@run", runId));
        return keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private async Task<IReadOnlyList<SyncRun>> ReadRunsAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(
            connection,
            $"SELECT id, map, master, skip_failed, status, started_at, ended_at, message FROM sync_runs {where}",
            r => new SyncRun(
                r.GetInt64(0), r.GetString(1), Enum.Parse<Master>(r.GetString(2)), r.GetInt64(3) != 0, Enum.Parse<SyncRunStatus>(r.GetString(4)),
                Parse(r.GetString(5)), r.IsDBNull(6) ? null : Parse(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7)),
            cancellationToken,
            parameters);
    }
}
