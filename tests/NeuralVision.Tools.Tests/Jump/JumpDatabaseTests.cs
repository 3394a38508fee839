using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump;

public sealed class JumpDatabaseTests : IDisposable
{
    private const long Now = 1_700_000_000;
    private const long Day = 86_400;

    private readonly TempDirectory temp = new();
    private readonly FakeFileSystem fileSystem = new();

    private string DatabasePath => Path.Combine(temp.Path, "data", "nvt.db");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void OpenForWriting_NewDatabase_IsPrivateFromTheStart()
    {
        using (var database = JumpDatabase.OpenForWriting(DatabasePath))
        {
            database.Add(["/a"], 1, Now, 10_000);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DatabasePath));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(DatabasePath)!));
    }

    [Fact]
    public void OpenForWriting_LocalDisk_WritesWithATruncatedRollbackJournal()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/a"], 1, Now, 10_000);
        Assert.Equal("truncate", database.JournalMode);
        Assert.False(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public void OpenForWriting_NetworkFileSystem_DeletesTheJournal()
    {
        const long nfsMagic = 0x6969;
        using var database = JumpDatabase.OpenForWriting(DatabasePath, _ => nfsMagic);
        database.Add(["/a"], 1, Now, 10_000);
        Assert.Equal("delete", database.JournalMode);
    }

    [Fact]
    public void Add_SamePathTwice_IncrementsRankAndUpdatesLastAccess()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/a"], 1, Now - 100, 10_000);
        database.Add(["/a"], 1, Now, 10_000);
        database.Add(["/b"], 5, Now, 10_000);

        Assert.Equal(
            [new JumpEntry("/a", 2, Now), new JumpEntry("/b", 5, Now)],
            database.ReadAll());
        Assert.Equal(7, database.RankSum());
    }

    [Fact]
    public void Add_OverMaxAge_ScalesToNinetyPercentKeepingAtLeastRankOne()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/a", "/b", "/c", "/d"], 9, Now, 100);
        database.Add(["/e", "/f", "/g", "/h", "/i", "/j", "/k"], 9, Now, 100);
        database.Add(["/small"], 1, Now, 100); // total 100: not yet
        database.Add(["/small"], 1, Now, 100); // 101 > 100: every rank x 90/101, at least 1

        var entries = database.ReadAll().ToDictionary(entry => entry.Path, entry => entry.Rank);
        Assert.Equal(12, entries.Count);
        Assert.Equal(9 * 90.0 / 101, entries["/a"], precision: 5);
        Assert.Equal(2 * 90.0 / 101, entries["/small"], precision: 5);
        Assert.Equal(entries.Values.Sum(), database.RankSum(), precision: 5);
    }

    [Fact]
    public void Add_PathsWithSpecialCharacters_StoredExactly()
    {
        string[] paths = ["/with space", "/pipe|bar", "/new\nline", "/ünïcødé/日本", "/quote'\"", "/tab\there"];
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(paths, 1, Now, 10_000);

        Assert.Equal(paths.Order(StringComparer.Ordinal), database.ReadAll().Select(entry => entry.Path));
    }

    [Fact]
    public void Query_PrefersExactLastComponentThenScore()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/src/nixpkgs"], 50, Now, 10_000);
        database.Add(["/src/nix"], 1, Now, 10_000);
        fileSystem.Directories.UnionWith(["/src/nixpkgs", "/src/nix"]);

        var results = database.Query(Query(["nix"]), Now, fileSystem);

        Assert.Equal(["/src/nix", "/src/nixpkgs"], results.Select(entry => entry.Path));
    }

    [Fact]
    public void Query_EqualScores_BreaksTiesByRecencyThenLengthThenPath()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/b/project-x"], 1, Now - 10, 10_000); // same factor (< 1 hour), older
        database.Add(["/a/project-x"], 1, Now, 10_000);
        database.Add(["/long/project-x"], 1, Now, 10_000);
        database.Add(["/c/project-x"], 1, Now, 10_000);
        fileSystem.Directories.UnionWith(["/a/project-x", "/b/project-x", "/c/project-x", "/long/project-x"]);

        var results = database.Query(Query(["proj"]), Now, fileSystem);

        Assert.Equal(["/a/project-x", "/c/project-x", "/long/project-x", "/b/project-x"], results.Select(entry => entry.Path));
    }

    [Fact]
    public void Query_RecencyFactorOutranksRawRank()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/old/work"], 10, Now - (30 * Day), 10_000); // 10 x 0.25 = 2.5
        database.Add(["/new/work"], 1, Now, 10_000); // 1 x 4 = 4
        fileSystem.Directories.UnionWith(["/old/work", "/new/work"]);

        Assert.Equal("/new/work", database.Query(Query(["work"], limit: 1), Now, fileSystem).Single().Path);
    }

    [Fact]
    public void Query_MissingDirectory_SkippedAndDeletedOnlyAfterNinetyDays()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/gone/recent"], 1, Now - Day, 10_000);
        database.Add(["/gone/old"], 1, Now - (91 * Day), 10_000);
        database.Add(["/here/dir"], 1, Now - (91 * Day), 10_000);
        fileSystem.Directories.Add("/here/dir");

        var results = database.Query(Query([]), Now, fileSystem);

        Assert.Equal(["/here/dir"], results.Select(entry => entry.Path));
        Assert.Equal(["/gone/recent", "/here/dir"], database.ReadAll().Select(entry => entry.Path));
    }

    [Fact]
    public void Query_IncludeMissing_ReturnsMissingDirectories()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/gone/dir"], 1, Now, 10_000);

        var results = database.Query(Query(["dir"]) with { IncludeMissing = true }, Now, fileSystem);

        Assert.Equal(["/gone/dir"], results.Select(entry => entry.Path));
    }

    [Fact]
    public void Query_ExcludeAndBaseDirectory_Filter()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/a/src", "/b/src", "/b/x/src", "/bb/src"], 1, Now, 10_000);
        fileSystem.Directories.UnionWith(["/a/src", "/b/src", "/b/x/src", "/bb/src"]);

        var results = database.Query(Query(["src"]) with { ExcludePaths = ["/b/src"], BaseDirectory = "/b" }, Now, fileSystem);

        Assert.Equal(["/b/x/src"], results.Select(entry => entry.Path));
    }

    [Fact]
    public void Query_LastKeywordWithSlash_MatchesAcrossComponents()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/foo/bar", "/xfoo/baz"], 1, Now, 10_000);
        fileSystem.Directories.UnionWith(["/foo/bar", "/xfoo/baz"]);

        Assert.Equal(["/foo/bar"], database.Query(Query(["oo/bar"]), Now, fileSystem).Select(entry => entry.Path));
    }

    [Fact]
    public void Query_UpperCaseInUnicodeName_UsesFoldedIndex()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/docs/RÉSUMÉ"], 1, Now, 10_000);
        fileSystem.Directories.Add("/docs/RÉSUMÉ");

        Assert.Single(database.Query(Query(["résumé"]), Now, fileSystem));
        Assert.Single(database.Query(Query(["RÉSU"]), Now, fileSystem));
        Assert.Empty(database.Query(Query(["Résumé"]), Now, fileSystem));
    }

    [Theory]
    [InlineData("x")] // one character: name index scan
    [InlineData("ab")] // two: name index scan
    [InlineData("abc")] // three and more: trigram index
    [InlineData("bcd\"e")]
    [InlineData("éè")]
    [InlineData("èab")]
    [InlineData("日本語")]
    public void Query_EveryHintLength_FindsExactlyTheSubstringMatches(string keyword)
    {
        string[] paths = ["/p/abcd\"ef", "/p/xyz", "/p/éèabc", "/p/日本語x", "/p/zab", "/x/other", "/abc/nothing-in-name"];
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(paths, 1, Now, 10_000);
        fileSystem.Directories.UnionWith(paths);

        var expected = paths.Where(path => new KeywordMatcher([keyword]).IsMatch(path)).Order(StringComparer.Ordinal);
        var actual = database.Query(Query([keyword]), Now, fileSystem).Select(entry => entry.Path).Order(StringComparer.Ordinal);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Query_AfterRemoveAndAging_TrigramIndexStaysInStep()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/a/keepme", "/a/dropme"], 1, Now, 10_000);
        database.Remove(["/a/dropme"]);
        database.Add(["/a/dropme-again"], 1, Now, 10_000);
        fileSystem.Directories.UnionWith(["/a/keepme", "/a/dropme", "/a/dropme-again"]);

        Assert.Equal(["/a/dropme-again"], database.Query(Query(["dropme"]), Now, fileSystem).Select(entry => entry.Path));
        Assert.Equal("ok", database.IntegrityCheck());
    }

    [Fact]
    public void Remove_ReportsPathsThatWereNotThere()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/a", "/b"], 1, Now, 10_000);

        var notFound = database.Remove(["/a", "/zzz"]);

        Assert.Equal(["/zzz"], notFound);
        Assert.Equal(["/b"], database.ReadAll().Select(entry => entry.Path));
        Assert.Equal(1, database.RankSum());
    }

    [Fact]
    public void Prune_RemovesEveryMissingDirectoryRegardlessOfAge()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/gone", "/here"], 1, Now, 10_000);
        fileSystem.Directories.Add("/here");

        Assert.Equal(["/gone"], database.Prune(fileSystem));
        Assert.Equal(["/here"], database.ReadAll().Select(entry => entry.Path));
    }

    [Fact]
    public void OpenForReading_NoDatabase_ReturnsNullAndCreatesNothing()
    {
        Assert.Null(JumpDatabase.OpenForReading(DatabasePath));
        Assert.False(Directory.Exists(Path.GetDirectoryName(DatabasePath)));
    }

    [Fact]
    public void Add_FromManyThreads_LosesNothing()
    {
        const int Writers = 8;
        const int PathsEach = 50;
        using (JumpDatabase.OpenForWriting(DatabasePath))
        {
        }

        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, writer =>
        {
            for (int i = 0; i < PathsEach; i++)
            {
                using var database = JumpDatabase.OpenForWriting(DatabasePath);
                database.Add([$"/w{writer}/d{i}", "/shared"], 1, Now, 1_000_000);
            }
        });

        using var check = JumpDatabase.OpenForWriting(DatabasePath);
        var entries = check.ReadAll();
        Assert.Equal((Writers * PathsEach) + 1, entries.Count);
        Assert.Equal(Writers * PathsEach, entries.Single(entry => entry.Path == "/shared").Rank);
        Assert.Equal("ok", check.IntegrityCheck());
    }

    private static JumpQuery Query(string[] keywords, int? limit = null) => new(keywords, [], null, false, limit);
}
