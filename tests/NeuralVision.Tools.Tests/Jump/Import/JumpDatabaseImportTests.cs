using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Store;

namespace NeuralVision.Tools.Tests.Jump.Import;

public sealed class JumpDatabaseImportTests : IDisposable
{
    private const long Now = 1_700_000_000;

    private readonly TempDirectory temp = new();

    private string DatabasePath => Path.Combine(temp.Path, "data", "nvt.db");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Import_EmptyDatabase_AddsEveryEntryWithItsRankTimeAndKind()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);

        var counts = database.Import([new("/a", 3, Now - 10), new("/b/f.txt", 1.5, Now - 20, EntryKind.File)], merge: false, maxAge: 10_000);

        Assert.Equal(new ImportCounts(2, 0, 0), counts);
        Assert.Equal([new JumpEntry("/a", 3, Now - 10), new JumpEntry("/b/f.txt", 1.5, Now - 20, EntryKind.File)], database.ReadAll());
        Assert.Equal(4.5, database.RankSum());
    }

    [Fact]
    public void Import_NonEmptyWithoutMerge_IsRefusedAndChangesNothing()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/existing"], 1, Now, 10_000);

        var error = Assert.Throws<DatabaseNotEmptyException>(() => database.Import([new("/new", 1, Now)], merge: false, maxAge: 10_000));

        Assert.Equal(1, error.EntryCount);
        Assert.Equal([new JumpEntry("/existing", 1, Now)], database.ReadAll());
    }

    [Fact]
    public void Import_Merge_SumsRanksAndKeepsTheLaterTime()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/both", "/older-import"], 2, Now, 10_000);

        var counts = database.Import(
            [new("/both", 3, Now - 100), new("/older-import", 1, Now + 0), new("/new", 4, Now - 5), new("/new", 1, Now - 1)],
            merge: true,
            maxAge: 10_000);

        // "/new" twice in the file: the second is merged into the first, like a duplicate of an existing path.
        Assert.Equal(new ImportCounts(1, 3, 0), counts);
        Assert.Equal(
            [new JumpEntry("/both", 5, Now), new JumpEntry("/new", 5, Now - 1), new JumpEntry("/older-import", 3, Now)],
            database.ReadAll());
    }

    [Fact]
    public void Import_OverMaxAge_AgesOnceAndCountsTheDropped()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);

        var counts = database.Import([new("/big", 90, Now), new("/small", 10, Now), new("/tiny", 1, Now)], merge: false, maxAge: 50);

        // One aging: every rank times 0.9 * 50 / 101; "/tiny" falls under rank 1 and is dropped.
        Assert.Equal(new ImportCounts(3, 0, 1), counts);
        var entries = database.ReadAll();
        Assert.Equal(["/big", "/small"], entries.Select(entry => entry.Path));
        Assert.Equal(90 * 45 / 101.0, entries[0].Rank, precision: 9);
        Assert.Equal(10 * 45 / 101.0, entries[1].Rank, precision: 9);
    }

    [Fact]
    public void Import_FailingMidway_RollsBackEverything()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/existing"], 1, Now, 10_000);

        // SQLite stores NaN as NULL, which the NOT NULL rank refuses: the third row fails after two were written.
        Assert.ThrowsAny<Exception>(() => database.Import(
            [new("/one", 1, Now), new("/existing", 1, Now), new("/bad", double.NaN, Now)], merge: true, maxAge: 10_000));

        Assert.Equal([new JumpEntry("/existing", 1, Now)], database.ReadAll());
        Assert.Equal(1, database.RankSum());
    }
}
