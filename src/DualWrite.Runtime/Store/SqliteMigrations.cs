namespace DualWrite.Runtime.Store;

/// <summary>The runtime store's schema on SQLite, step by step. A step, once shipped, never changes: add a new one.</summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "connection, companies, solutions, map states and activity", """
            CREATE TABLE connection (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL, saved_at TEXT NOT NULL);
            CREATE TABLE companies (code TEXT PRIMARY KEY COLLATE NOCASE, position INTEGER NOT NULL);
            CREATE TABLE solutions (name TEXT NOT NULL COLLATE NOCASE, version TEXT NOT NULL, json TEXT NOT NULL, imported_at TEXT NOT NULL,
              PRIMARY KEY (name, version));
            CREATE TABLE active_maps (map TEXT PRIMARY KEY COLLATE NOCASE, solution TEXT NOT NULL, solution_version TEXT NOT NULL);
            CREATE TABLE map_states (map TEXT PRIMARY KEY COLLATE NOCASE, state TEXT NOT NULL, changed_at TEXT NOT NULL);
            CREATE TABLE activity (seq INTEGER PRIMARY KEY AUTOINCREMENT, map TEXT NOT NULL COLLATE NOCASE, at TEXT NOT NULL, who TEXT NOT NULL,
              action TEXT NOT NULL, from_state TEXT, to_state TEXT, detail TEXT);
            CREATE INDEX ix_activity_map ON activity (map, seq);
            """),
        new(2, "initial sync runs, their checkpoints and row errors", """
            CREATE TABLE sync_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, map TEXT NOT NULL COLLATE NOCASE, master TEXT NOT NULL,
              skip_failed INTEGER NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT, message TEXT);
            CREATE INDEX ix_sync_runs_map ON sync_runs (map, id);
            CREATE TABLE sync_progress (run_id INTEGER NOT NULL, company TEXT NOT NULL, last_key TEXT, done INTEGER NOT NULL,
              dv_read INTEGER NOT NULL, dv_created INTEGER NOT NULL, dv_updated INTEGER NOT NULL, dv_unchanged INTEGER NOT NULL, dv_failed INTEGER NOT NULL,
              fo_read INTEGER NOT NULL, fo_created INTEGER NOT NULL, fo_updated INTEGER NOT NULL, fo_unchanged INTEGER NOT NULL, fo_failed INTEGER NOT NULL,
              PRIMARY KEY (run_id, company));
            CREATE TABLE sync_errors (seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL, company TEXT NOT NULL, direction TEXT NOT NULL,
              row_key TEXT NOT NULL, field TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL);
            CREATE INDEX ix_sync_errors_run ON sync_errors (run_id, seq);
            """),
        new(3, "the queue's lanes, catch-up errors and the error log", """
            CREATE TABLE queue (seq INTEGER PRIMARY KEY AUTOINCREMENT, map TEXT NOT NULL COLLATE NOCASE, source TEXT NOT NULL, txn TEXT NOT NULL,
              source_table TEXT NOT NULL, operation TEXT NOT NULL, row_key TEXT NOT NULL, payload TEXT NOT NULL, queued_at TEXT NOT NULL);
            CREATE INDEX ix_queue_map ON queue (map, seq);
            CREATE TABLE catchup_errors (seq INTEGER PRIMARY KEY, map TEXT NOT NULL COLLATE NOCASE, source TEXT NOT NULL, txn TEXT NOT NULL,
              source_table TEXT NOT NULL, operation TEXT NOT NULL, row_key TEXT NOT NULL, payload TEXT NOT NULL, queued_at TEXT NOT NULL,
              failed_at TEXT NOT NULL, message TEXT NOT NULL);
            CREATE INDEX ix_catchup_errors_map ON catchup_errors (map, seq);
            CREATE TABLE error_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, map TEXT NOT NULL COLLATE NOCASE, direction TEXT NOT NULL,
              row_key TEXT NOT NULL, txn TEXT NOT NULL, type TEXT NOT NULL, message TEXT NOT NULL, payload TEXT);
            CREATE INDEX ix_error_log_map ON error_log (map, at);
            CREATE INDEX ix_error_log_at ON error_log (at);
            """),
        new(4, "alert rules", """
            CREATE TABLE alert_rules (id INTEGER PRIMARY KEY AUTOINCREMENT, map TEXT NOT NULL COLLATE NOCASE, errors INTEGER NOT NULL, types TEXT NOT NULL,
              window_seconds INTEGER NOT NULL, action TEXT NOT NULL, webhook TEXT);
            """),
        new(5, "debug mode per map", """
            CREATE TABLE map_debug (map TEXT PRIMARY KEY COLLATE NOCASE, since TEXT NOT NULL);
            """),
        new(6, "rows an initial sync left out", """
            ALTER TABLE sync_progress ADD COLUMN dv_skipped INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE sync_progress ADD COLUMN fo_skipped INTEGER NOT NULL DEFAULT 0;
            """),
    ];
}
