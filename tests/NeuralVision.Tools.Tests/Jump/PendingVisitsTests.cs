using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Sqlite;
using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Tests.Jump;

public sealed class PendingVisitsTests : IDisposable
{
    private const long Now = 1_700_000_000;

    private readonly TempDirectory temp = new();
    private readonly FakeFileSystem fileSystem = new();

    private string DatabasePath => Path.Combine(temp.Path, "nvt.db");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Append_ThenClaim_ReturnsEveryVisitInOrder()
    {
        var pending = new PendingVisits(DatabasePath);
        Assert.True(pending.Append(["/a", "/tab\there"], 1, Now));
        Assert.True(pending.Append(["/line\nbreak"], 2.5, Now + 1));

        using var claim = pending.TryClaim();
        Assert.NotNull(claim);
        Assert.Equal(
            [new PendingVisit("/a", 1, Now), new PendingVisit("/tab\there", 1, Now), new PendingVisit("/line\nbreak", 2.5, Now + 1)],
            claim.Visits);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pending.Path));
    }

    [Fact]
    public void TryClaim_NoFileOrEmptyFile_ReturnsNull()
    {
        var pending = new PendingVisits(DatabasePath);
        Assert.Null(pending.TryClaim());
        File.WriteAllBytes(pending.Path, []);
        Assert.Null(pending.TryClaim());
    }

    [Fact]
    public void Parse_SkipsRecordsCutShortOrMalformed()
    {
        string text = $"{Now}\t1\t0\t/kept\0{Now}\tNaN\t0\t/bad-score\0x\t1\t0\t/bad-time\0{Now}\t1\t0\trelative\0"
            + $"{Now}\t1\t7\t/bad-kind\0{Now}\t1\t1\t/file\0{Now}\t1\t0\t/cut";
        Assert.Equal(
            [new PendingVisit("/kept", 1, Now), new PendingVisit("/file", 1, Now, EntryKind.File), new PendingVisit("/cut", 1, Now)],
            PendingVisits.Parse(text));
    }

    [Fact]
    public void Append_FileOverItsLimit_RefusesInsteadOfGrowing()
    {
        var pending = new PendingVisits(DatabasePath);
        File.WriteAllBytes(pending.Path, new byte[PendingVisits.MaximumBytes]);
        Assert.False(pending.Append(["/a"], 1, Now));
        Assert.Equal(PendingVisits.MaximumBytes, new FileInfo(pending.Path).Length);
    }

    [Fact]
    public void DatabaseAdd_FoldsPendingVisitsInAndEmptiesTheFile()
    {
        var pending = new PendingVisits(DatabasePath);
        pending.Append(["/a", "/b"], 1, Now - 10);
        pending.Append(["/a"], 1, Now + 5);

        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add(["/a"], 1, Now, 10_000, pending);

        Assert.Equal([new JumpEntry("/a", 3, Now + 5), new JumpEntry("/b", 1, Now - 10)], database.ReadAll());
        Assert.Equal(4, database.RankSum());
        Assert.Equal(0, new FileInfo(pending.Path).Length);
    }

    [Fact]
    public void ServiceAdd_WhileAnotherProcessHoldsTheWriteLock_KeepsTheVisitForTheNextAdd()
    {
        string first = temp.MakeDirectory("first");
        string second = temp.MakeDirectory("second");
        fileSystem.Directories.UnionWith([first, second]);
        var service = new JumpService(Settings(), fileSystem, temp.Path);
        service.Add([first], 1, Now);

        using (var holder = SqliteConnection.Open(DatabasePath, readOnly: false, create: false, TimeSpan.Zero))
        {
            holder.Execute("BEGIN IMMEDIATE");
            var skipped = service.Add([first], 1, Now + 1);
            Assert.Equal([$"database busy; kept for the next add: {first}"], skipped);
            holder.Execute("COMMIT");
        }

        service.Add([second], 1, Now + 2);

        using var database = JumpDatabase.OpenForReading(DatabasePath)!;
        Assert.Equal([new JumpEntry(first, 2, Now + 1), new JumpEntry(second, 1, Now + 2)], database.ReadAll());
    }

    private NvtSettings Settings() => new(new TestEnvironment(
        new Dictionary<string, string> { ["HOME"] = temp.Path, ["NVT_DATA_DIR"] = temp.Path },
        temp.Path));
}
