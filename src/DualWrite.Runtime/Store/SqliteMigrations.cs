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
    ];
}
