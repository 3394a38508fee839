namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// The database schema (PRAGMA user_version 5): the directory tree. No path is stored: each directory on the way to a
/// recorded one is a <c>node</c> row with a parent link and a name from the <c>name</c> dictionary, so an entry costs one
/// short row (its parents are shared) and the file stays below the size of zoxide's. <c>gram</c> maps each trigram of a
/// folded name to the ids of the names that contain it (varints), so a query finds the names holding a keyword by
/// reading two or three rows. No FTS5 and no triggers: every schema object is parsed by every process at open, and
/// <c>meta.rank_sum</c> is kept by the one write path (<see cref="RankChanges"/>). Versions 1 to 3 (one row per path,
/// FTS5 over the last component) are converted by <see cref="LegacyMigration"/>.
/// Version 5 added what `nvt sync` merges (<see cref="SyncTables"/>): the machines, each machine's visit counts per
/// node (<c>tally</c>) and the removals; version 4 is upgraded by <see cref="SyncTables.Upgrade"/>.
/// </summary>
internal static class JumpSchema
{
    public const long CurrentVersion = 5;

    /// <summary>The versions this nvt can convert (1 to 3 had the same entry table; 3 added the kind).</summary>
    public const long OldestLegacyVersion = 1;

    public const string Create = """
        CREATE TABLE name (
            id INTEGER PRIMARY KEY,
            bytes BLOB NOT NULL UNIQUE,
            fold TEXT NOT NULL,
            nodes INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE node (
            id INTEGER PRIMARY KEY,
            parent INTEGER NOT NULL,
            name_id INTEGER NOT NULL,
            rank REAL,
            last_access INTEGER,
            kind INTEGER
        );
        CREATE UNIQUE INDEX node_by_parent ON node (parent, name_id);
        CREATE INDEX node_by_name ON node (name_id, rank);
        CREATE TABLE gram (gram INTEGER PRIMARY KEY, ids BLOB NOT NULL);
        CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value) WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('rank_sum', 0.0);
        CREATE TABLE journal_file (
            dev INTEGER NOT NULL,
            ino INTEGER NOT NULL,
            head BLOB NOT NULL,
            offset INTEGER NOT NULL,
            PRIMARY KEY (dev, ino)
        ) WITHOUT ROWID;
        """ + "\n" + SyncTables.Create + "\n" + """
        PRAGMA user_version = 5;
        """;
}
