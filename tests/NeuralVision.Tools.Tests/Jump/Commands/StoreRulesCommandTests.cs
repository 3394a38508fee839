using System.Text;
using NeuralVision.Tools.Jump.Journal;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Tests.Jump.Journal;

namespace NeuralVision.Tools.Tests.Jump.Commands;

/// <summary>Issue 13's rules, through the commands: one pipeline, bounded ranks, the journal, unusable databases.</summary>
public sealed class StoreRulesCommandTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    private string DataDirectory => Path.GetDirectoryName(nvt.DatabasePath)!;

    [Fact]
    public void Query_ExcludedBestMatch_ReturnsTheSecondMatch()
    {
        string best = nvt.MakeDirectory("cache/foo");
        string second = nvt.MakeDirectory("work/foo");
        nvt.Run("add", "--score", "9", best);
        nvt.Run("add", second);
        nvt.Variables["NVT_EXCLUDE_DIRS"] = best;
        nvt.ResetOutput();

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "foo"));
        Assert.Equal(second + "\n", nvt.Output.ToString());
        nvt.ResetOutput();
        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--list", "foo"));
        Assert.Equal(second + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Query_MissingBestMatch_ReturnsTheNextOneThatExists()
    {
        string gone = nvt.MakeDirectory("a/api");
        string here = nvt.MakeDirectory("b/api");
        nvt.Run("add", "--score", "50", gone);
        nvt.Run("add", here);
        Directory.Delete(gone);

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "api"));
        Assert.Equal(here + "\n", nvt.Output.ToString());
    }

    [Theory]
    [InlineData("1e6")]
    [InlineData("1001")]
    [InlineData("0")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Add_ScoreOutOfBounds_IsAnErrorAndDropsNothing(string score)
    {
        string kept = nvt.MakeDirectory("kept");
        nvt.Run("add", kept);

        Assert.Equal(ExitCodes.Error, nvt.RunTopLevel("add", "--score", score, nvt.MakeDirectory("huge")));
        Assert.Contains("--score must be a number above 0 and at most 1000", nvt.Error.ToString(), StringComparison.Ordinal);
        nvt.ResetOutput();
        nvt.Run("list");
        Assert.Equal(kept + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Add_ScoreAtTheBoundTwice_KeepsEveryOtherEntry()
    {
        // Today's rule aged all 2,001 entries by 1e6: 8 were left. Now the score is bounded, and the cap applies when
        // aging does (the total, 10,000, has not passed NVT_MAXAGE yet).
        var paths = Enumerable.Range(0, 2_000).Select(i => nvt.MakeDirectory($"many/d{i}")).ToArray();
        nvt.Run(["add", "--score", "4", .. paths]);
        string huge = nvt.MakeDirectory("huge");
        nvt.Run("add", "--score", "1000", huge);
        nvt.Run("add", "--score", "1000", huge);
        nvt.ResetOutput();
        nvt.Run("list", "--score");
        Assert.StartsWith($"8000.0 {huge}\n", nvt.Output.ToString(), StringComparison.Ordinal);
        nvt.ResetOutput();

        nvt.Run("list");
        Assert.Equal(2_001, nvt.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Import_OneHugeRank_IsAPerLineErrorAndSkipBadKeepsTheRest()
    {
        string file = nvt.MakeFile("z.txt");
        File.WriteAllText(file, "/a|5|1700000000\n/b|1e300|1700000000\n/c|nan|1700000000\n");

        Assert.Equal(ExitCodes.BadImportFile, nvt.RunTopLevel("import", "--from", "z", file));
        Assert.Contains($"{file}:2: rank 1E+300 is not between 0 and 1000 (NVT_MAXAGE / 10)", nvt.Error.ToString(), StringComparison.Ordinal);
        nvt.ResetOutput();

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "z", "--skip-bad", file));
        nvt.ResetOutput();
        nvt.Run("list");
        Assert.Equal("/a\n", nvt.Output.ToString());
    }

    [Fact]
    public void List_SeesTheVisitTheHookJournaledOnePromptEarlier()
    {
        string dir = nvt.MakeDirectory("journaled");
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllBytes(Path.Combine(DataDirectory, JournalFold.FileName), JournalDecoderTests.Record($"1700000000 d {dir}"));

        Assert.Equal(ExitCodes.Ok, nvt.Run("list"));
        Assert.Equal(dir + "\n", nvt.Output.ToString());
        nvt.ResetOutput();
        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "journ"));
        Assert.Equal(dir + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Fold_HomeAndExcludedDirectories_AreNotRecorded()
    {
        string dir = nvt.MakeDirectory("kept");
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllBytes(
            Path.Combine(DataDirectory, JournalFold.FileName),
            [.. JournalDecoderTests.Record($"1 d {nvt.Home}"), .. JournalDecoderTests.Record("1 d /"), .. JournalDecoderTests.Record($"1 d {dir}")]);

        Assert.Equal(ExitCodes.Ok, nvt.Run("fold"));
        nvt.Run("list");
        Assert.Equal(dir + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Query_NameThatIsNotUtf8_IsPrintedAsItsExactBytes()
    {
        byte[] name = [.. Encoding.UTF8.GetBytes(nvt.Home + "/odd-"), 0xFF, 0xFE];
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllBytes(Path.Combine(DataDirectory, JournalFold.FileName), JournalDecoderTests.Record("1700000000 d ", name));

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--all", "odd"));

        var encoded = new PathEncoding().GetBytes(nvt.Output.ToString());
        Assert.Equal([.. name, (byte)'\n'], encoded);
    }

    [Fact]
    public void Query_DataDirectoryNamesAFile_IsCannotUseTheDatabase()
    {
        string file = nvt.MakeFile("not-a-dir");
        nvt.Variables["NVT_DATA_DIR"] = file;

        Assert.Equal(ExitCodes.Error, nvt.RunTopLevel("query", "x"));
        Assert.Equal($"nvt: cannot use the database {file}/nvt.db: {file} is not a directory\n", nvt.Error.ToString());
        Assert.Equal(ExitCodes.Error, nvt.RunTopLevel("list"));
        Assert.Equal(ExitCodes.Error, nvt.RunTopLevel("stats"));
        Assert.Equal(ExitCodes.Ok, nvt.RunTopLevel("add", nvt.MakeDirectory("still-silent")));
    }

    [Fact]
    public void Query_DatabaseIsADirectory_IsCannotUseTheDatabase()
    {
        Directory.CreateDirectory(nvt.DatabasePath);

        Assert.Equal(ExitCodes.Error, nvt.RunTopLevel("stats"));
        Assert.Contains($"cannot use the database {nvt.DatabasePath}: {nvt.DatabasePath} is a directory, not a file", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Query_DatabaseIsASymbolicLink_IsRefusedAndTheTargetUntouched()
    {
        string target = nvt.MakeFile("target");
        File.WriteAllText(target, "precious");
        Directory.CreateDirectory(DataDirectory);
        File.CreateSymbolicLink(nvt.DatabasePath, target);

        Assert.Equal(ExitCodes.Error, nvt.RunTopLevel("list"));
        Assert.Contains("is a symbolic link", nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, nvt.RunTopLevel("add", nvt.MakeDirectory("x")));
        Assert.Equal("precious", File.ReadAllText(target));
    }

    [Fact]
    public void Commands_WorldWritableDataDirectory_WarnOnceUntilTheModeChanges()
    {
        nvt.Run("add", nvt.MakeDirectory("x"));
        File.SetUnixFileMode(DataDirectory, (UnixFileMode)0x1FF);

        nvt.Run("list");
        Assert.Contains("is writable by others (mode 0777)", nvt.Error.ToString(), StringComparison.Ordinal);
        nvt.ResetOutput();
        nvt.Run("list");
        Assert.Equal("", nvt.Error.ToString());
        File.SetUnixFileMode(DataDirectory, (UnixFileMode)0x1F8);
        nvt.Run("list");
        Assert.Contains("(mode 0770)", nvt.Error.ToString(), StringComparison.Ordinal);
    }
}
