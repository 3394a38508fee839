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
    public void Import_OneHugeRank_IsCappedAndDropsNothing()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);

        var counts = database.Import([new("/big", 90, Now), new("/small", 10, Now), new("/tiny", 1, Now)], merge: false, maxAge: 50);

        // No rank may exceed NVT_MAXAGE / 10 = 5; the total is then 11, under 50, so nothing else changes.
        Assert.Equal(new ImportCounts(3, 0, 0), counts);
        Assert.Equal([5.0, 5.0, 1.0], database.ReadAll().Select(entry => entry.Rank));
    }

    [Fact]
    public void Import_LargerThanMaxAge_KeepsTheBestInsteadOfNothing()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        var entries = Enumerable.Range(0, 2_000).Select(i => new JumpEntry($"/d/{i:D4}", 1, Now - i)).ToList();

        var counts = database.Import(entries, merge: false, maxAge: 1_000);

        // zoxide's rule scales every rank to 0.45 and drops all 2,000; here the 900 most recent keep rank 1.
        var kept = database.ReadAll();
        Assert.Equal(1_100, counts.DroppedByAging);
        Assert.Equal(900, kept.Count);
        Assert.Equal("/d/0000", kept[0].Path);
        Assert.Equal("/d/0899", kept[^1].Path);
        Assert.Equal(900, database.RankSum(), precision: 6);
    }

    [Fact]
    public void Import_FailingMidway_RollsBackEverything()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/existing"], 1, Now, 10_000);

        // A NaN rank is refused by the one write path: the third row fails after two were written.
        Assert.ThrowsAny<Exception>(() => database.Import(
            [new("/one", 1, Now), new("/existing", 1, Now), new("/bad", double.NaN, Now)], merge: true, maxAge: 10_000));

        Assert.Equal([new JumpEntry("/existing", 1, Now)], database.ReadAll());
        Assert.Equal(1, database.RankSum());
    }
}
