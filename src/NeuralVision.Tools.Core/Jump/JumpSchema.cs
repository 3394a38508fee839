namespace NeuralVision.Tools.Jump;

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
            path TEXT NOT NULL PRIMARY KEY,
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
    ];

    public static int CurrentVersion => Migrations.Length;
}
