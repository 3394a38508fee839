namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// The database schema as a list of forward migrations; PRAGMA user_version is the number of migrations applied.
/// A migration is never edited once released: add a new one.
/// </summary>
internal static class JumpSchema
{
    public static readonly string[] Migrations =
    [
        // 1: directories with rank and last visit. name_fold is the lower-cased last component, indexed so that a
        // query reads only the entries whose last component can match instead of every row. meta.rank_sum is kept
        // exact by triggers, so deciding whether to age costs one row read instead of a SUM over the table.
        """
        CREATE TABLE entry (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            name_fold TEXT NOT NULL,
            rank REAL NOT NULL,
            last_access INTEGER NOT NULL
        );
        CREATE INDEX entry_by_name ON entry (name_fold);
        CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value) WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('rank_sum', 0.0);
        CREATE TRIGGER entry_insert AFTER INSERT ON entry BEGIN
            UPDATE meta SET value = value + new.rank WHERE key = 'rank_sum';
        END;
        CREATE TRIGGER entry_update AFTER UPDATE OF rank ON entry BEGIN
            UPDATE meta SET value = value + new.rank - old.rank WHERE key = 'rank_sum';
        END;
        CREATE TRIGGER entry_delete AFTER DELETE ON entry BEGIN
            UPDATE meta SET value = value - old.rank WHERE key = 'rank_sum';
        END;
        """,

        // 2: a trigram index over the folded last component, so a query with a hint of three or more characters reads
        // only the entries that contain it: a query costs about the same at 100k entries as at 1k. The entry table stays
        // the only copy of the names (external content); triggers keep the index in step.
        """
        CREATE VIRTUAL TABLE entry_name USING fts5 (name_fold, content = 'entry', content_rowid = 'id', tokenize = 'trigram');
        INSERT INTO entry_name (entry_name) VALUES ('rebuild');
        CREATE TRIGGER entry_name_insert AFTER INSERT ON entry BEGIN
            INSERT INTO entry_name (rowid, name_fold) VALUES (new.id, new.name_fold);
        END;
        CREATE TRIGGER entry_name_delete AFTER DELETE ON entry BEGIN
            INSERT INTO entry_name (entry_name, rowid, name_fold) VALUES ('delete', old.id, old.name_fold);
        END;
        CREATE TRIGGER entry_name_update AFTER UPDATE OF name_fold ON entry BEGIN
            INSERT INTO entry_name (entry_name, rowid, name_fold) VALUES ('delete', old.id, old.name_fold);
            INSERT INTO entry_name (rowid, name_fold) VALUES (new.id, new.name_fold);
        END;
        """,

        // 3: files as well as directories (fasd's f, a and v). Existing rows are directories.
        """
        ALTER TABLE entry ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
        """,
    ];

    /// <summary>The shortest text the trigram index can look up; shorter hints scan the name index instead.</summary>
    public const int TrigramLength = 3;

    public static int CurrentVersion => Migrations.Length;
}
