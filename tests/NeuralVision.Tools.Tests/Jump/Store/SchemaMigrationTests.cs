using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Store;

namespace NeuralVision.Tools.Tests.Jump.Store;

public sealed class SchemaMigrationTests : IDisposable
{
    private const long Now = 1_700_000_000;

    // Schema 3 as nvt 0.1 made it: one row per path, FTS5 over the last component, triggers keeping rank_sum, WAL.
    private const string VersionThree = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE entry (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, name_fold TEXT NOT NULL, rank REAL NOT NULL, last_access INTEGER NOT NULL, kind INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX entry_by_name ON entry (name_fold);
        CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value) WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('rank_sum', 0.0);
        CREATE TRIGGER entry_insert AFTER INSERT ON entry BEGIN UPDATE meta SET value = value + new.rank WHERE key = 'rank_sum'; END;
        CREATE VIRTUAL TABLE entry_name USING fts5 (name_fold, content = 'entry', content_rowid = 'id', tokenize = 'trigram');
        CREATE TRIGGER entry_name_insert AFTER INSERT ON entry BEGIN INSERT INTO entry_name (rowid, name_fold) VALUES (new.id, new.name_fold); END;
        INSERT INTO entry (path, name_fold, rank, last_access, kind) VALUES ('/old/project', 'project', 3, 1700000000, 0);
        INSERT INTO entry (path, name_fold, rank, last_access, kind) VALUES ('/old/notes.txt', 'notes.txt', 2.5, 1700000100, 1);
        INSERT INTO entry (path, name_fold, rank, last_access, kind) VALUES ('/new' || char(10) || 'line|pipe' || char(9) || 'tab', 'x', 1, 1699999000, 0);
        PRAGMA user_version = 3;
        """;

    private readonly TempDirectory temp = new();
    private readonly FakeFileSystem fileSystem = new();

    private string DatabasePath => Path.Combine(temp.Path, "nvt.db");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Open_VersionThreeDatabase_BecomesTheTreeWithEveryEntryAndThePendingVisits()
    {
        RawSqlite.Execute(DatabasePath, VersionThree);
        File.WriteAllText(DatabasePath + "-pending", "1700000500\t1\t0\t/old/project\0" + "1700000600\t2\t0\t/pending/only\0" + "17000");

        using (var database = JumpDatabase.OpenForWriting(DatabasePath))
        {
            Assert.Equal(
                [
                    new JumpEntry("/new\nline|pipe\ttab", 1, 1699999000),
                    new JumpEntry("/old/notes.txt", 2.5, 1700000100, EntryKind.File),
                    new JumpEntry("/old/project", 4, 1700000500),
                    new JumpEntry("/pending/only", 2, 1700000600),
                ],
                database.ReadAll());
            Assert.Equal(9.5, database.RankSum());
            Assert.Equal("ok", database.IntegrityCheck());
        }

        Assert.Equal(5L, RawSqlite.Scalar(DatabasePath, "PRAGMA user_version"));
        Assert.Equal(0L, RawSqlite.Scalar(DatabasePath, "SELECT count(*) FROM sqlite_schema WHERE name IN ('entry', 'entry_name') OR type = 'trigger'"));
        Assert.False(File.Exists(DatabasePath + "-pending"));
    }

    [Fact]
    public void Open_VersionThreeDatabase_QueriesThroughTheNewIndex()
    {
        RawSqlite.Execute(DatabasePath, VersionThree);
        fileSystem.Directories.Add("/old/project");

        using var database = JumpDatabase.OpenForWriting(DatabasePath);

        Assert.Equal(["/old/project"], database.Query(new JumpQuery(["proj"], [], null, false, 1), Now, fileSystem).Select(entry => entry.Path));
    }

    [Fact]
    public void Open_DatabaseFromNewerVersion_IsRefused()
    {
        using (var database = JumpDatabase.OpenForWriting(DatabasePath))
        {
            database.Add(["/a"], 1, Now, 10_000);
        }

        RawSqlite.Execute(DatabasePath, "PRAGMA user_version = 99");

        var error = Assert.Throws<DatabaseVersionException>(() => JumpDatabase.OpenForWriting(DatabasePath));
        Assert.Contains("newer nvt", error.Message, StringComparison.Ordinal);
        Assert.Throws<DatabaseVersionException>(() => JumpDatabase.OpenForReading(DatabasePath));
    }
}
