using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests.Jump.Commands;

/// <summary>fasd's query switches and file entries through the parser.</summary>
public sealed class FasdQueryTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    [Fact]
    public void AddFiles_RecordsFilesAsFiles_AndQueryKindsSeparateThem()
    {
        string dir = nvt.MakeDirectory("notes");
        string file = nvt.MakeFile("notes.txt");
        Assert.Equal(ExitCodes.Ok, nvt.Run("add", "--files", dir, file));

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--list", "notes"));
        Assert.Equal(dir + "\n", nvt.Output.ToString());
        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--files", "--list", "notes"));
        Assert.Equal(file + "\n", nvt.Output.ToString());
        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--any", "--list", "notes"));
        Assert.Equal([dir, file], nvt.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Add_WithoutFiles_SkipsFiles()
    {
        string file = nvt.MakeFile("plain.txt");
        Assert.Equal(ExitCodes.Ok, nvt.Run("add", file));
        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "--any", "plain"));
    }

    [Fact]
    public void AddCommand_RecordsExistingArgumentsOnly_RelativeToTheCurrentDirectory()
    {
        string project = nvt.MakeDirectory("project");
        string readme = nvt.MakeFile("project/README.md");
        nvt.CurrentDirectory = project;

        Assert.Equal(ExitCodes.Ok, nvt.Run("add", "--command", "vim README.md missing.txt ../project"));

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--any", "--list", "--score"));
        var lines = nvt.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, line => line.EndsWith(" " + readme, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith(" " + project, StringComparison.Ordinal));
    }

    [Fact]
    public void AddCommand_IgnoredCommandOrHelp_RecordsNothing()
    {
        string file = nvt.MakeFile("a.txt");
        nvt.CurrentDirectory = nvt.Home;
        nvt.Run("add", "--command", "ls a.txt");
        nvt.Run("add", "--command", "vim --help a.txt");
        nvt.Variables["NVT_IGNORE"] = "vim";
        nvt.Run("add", "--command", "vim a.txt");

        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "--any", "a.txt"));
        nvt.Run("add", "--command", "cat a.txt");
        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--files", "a.txt"));
        Assert.Equal(file + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Add_NothingToRecord_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Error, nvt.Run("add", "--files"));
        Assert.Contains("nothing to record", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RankAndRecent_OrderByOneFactorAlone()
    {
        string often = nvt.MakeDirectory("a/work");
        string lately = nvt.MakeDirectory("b/work");
        nvt.Clock.Now = TestContext.DefaultNow.AddDays(-30);
        nvt.Run("add", "--score", "50", often);
        nvt.Clock.Now = TestContext.DefaultNow;
        nvt.Run("add", lately);

        nvt.Run("query", "--rank", "work");
        Assert.Equal(often + "\n", nvt.Output.ToString());
        nvt.Run("query", "-t", "work");
        Assert.Equal(lately + "\n", nvt.Output.ToString());
        Assert.Equal(ExitCodes.Error, nvt.Run("query", "-r", "-t", "work"));
    }

    [Fact]
    public void NthAndReverse_PickAndOrder()
    {
        string first = nvt.MakeDirectory("1/dir");
        string second = nvt.MakeDirectory("2/dir");
        string third = nvt.MakeDirectory("3/dir");
        nvt.Run("add", "--score", "3", first);
        nvt.Run("add", "--score", "2", second);
        nvt.Run("add", third);

        nvt.Run("query", "--nth", "2", "dir");
        Assert.Equal(second + "\n", nvt.Output.ToString());
        nvt.Run("query", "-3", "dir");
        Assert.Equal(third + "\n", nvt.Output.ToString());
        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "-N", "4", "dir"));
        Assert.Equal("nvt: only 3 matches, no match number 4\n", nvt.Error.ToString());
        nvt.Run("query", "--list", "--reverse", "dir");
        Assert.Equal($"{third}\n{second}\n{first}\n", nvt.Output.ToString());
        Assert.Equal("--nth must be 1 or more, got 0", Assert.Throws<NvtException>(() => nvt.Run("query", "--nth", "0", "dir")).Message);
    }

    [Fact]
    public void Exec_RunsTheCommandWithTheBestMatchLast_AndReturnsItsStatus()
    {
        string file = nvt.MakeFile("docs/plan.md");
        nvt.Run("add", "--files", file);
        nvt.ProcessRunner.Programs["vim"] = "/usr/bin/vim";
        nvt.ProcessRunner.OnForeground = (_, _) => 3;

        Assert.Equal(3, nvt.Run("query", "--files", "--exec", "vim -O", "plan"));

        Assert.Equal([["/usr/bin/vim", "-O", file]], nvt.ProcessRunner.ForegroundRuns);
        Assert.Equal("", nvt.Output.ToString());
    }
}
