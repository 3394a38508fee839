using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Commands;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests.Jump.Commands;

/// <summary>`nvt fasd`: fasd 1.0.1's option syntax, and what it does with a non-terminal stdout (as in a test).</summary>
public sealed class FasdCommandTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    public static TheoryData<string[], FasdRequest> Parses => new()
    {
        { ["readme"], new FasdRequest(FasdAction.Query, ["readme"]) },
        { ["-f", "-l", "readme"], new FasdRequest(FasdAction.Query, ["readme"], KindFilter.Files, List: true) },
        { ["-sif", "x"], new FasdRequest(FasdAction.Query, ["x"], KindFilter.Files, Show: true, Interactive: true) },
        { ["-d", "-r", "a", "b"], new FasdRequest(FasdAction.Query, ["a", "b"], KindFilter.Directories, RankingMode.Rank) },
        { ["-t"], new FasdRequest(FasdAction.Query, [], Ranking: RankingMode.Recent) },
        { ["-e", "cat", "readme"], new FasdRequest(FasdAction.Query, ["readme"], Exec: "cat") },
        { ["-fecat", "readme"], new FasdRequest(FasdAction.Query, ["readme"], KindFilter.Files, Exec: "cat") },
        { ["-e", "vim -p", "x"], new FasdRequest(FasdAction.Query, ["x"], Exec: "vim -p") },
        { ["-2", "x"], new FasdRequest(FasdAction.Query, ["x"], Nth: 2) },
        { ["-R", "-l"], new FasdRequest(FasdAction.Query, [], List: true, Reverse: true) },
        { ["--", "-l", "-x"], new FasdRequest(FasdAction.Query, ["-l", "-x"]) },
        { ["-A", "a", "-l"], new FasdRequest(FasdAction.Add, ["a", "-l"]) },
        { ["-D", "a"], new FasdRequest(FasdAction.Delete, ["a"]) },
        { ["-h"], new FasdRequest(FasdAction.Help, []) },
        { ["x", "--help"], new FasdRequest(FasdAction.Help, []) },
    };

    [Theory]
    [MemberData(nameof(Parses))]
    public void Parse_ReadsFasdsSyntax(string[] args, FasdRequest expected)
    {
        Assert.Equal(expected, FasdRequest.Parse(args));
    }

    [Fact]
    public void Parse_ExecWithoutACommand_IsAnError()
    {
        var error = Assert.Throws<NvtException>(() => FasdRequest.Parse(["readme", "-e"]));
        Assert.Equal("fasd's -e needs a command, e.g. f -e vim README", error.Message);
    }

    [Theory]
    [InlineData("-x")]
    [InlineData("-b")]
    [InlineData("--frob")]
    [InlineData("-2x")]
    public void Parse_BadOption_IsAnErrorThatSaysWhat(string option)
    {
        var error = Assert.Throws<NvtException>(() => FasdRequest.Parse([option, "readme"]));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Run_WithAQueryAndStdoutNotATerminal_PrintsTheBestAndCountsItAsAVisit()
    {
        string best = nvt.MakeFile("docs/readme-best.md");
        string other = nvt.MakeFile("docs/readme-other.md");
        Assert.Equal(ExitCodes.Ok, nvt.Run("add", "--files", "--score", "5", best));
        Assert.Equal(ExitCodes.Ok, nvt.Run("add", "--files", other));

        Assert.Equal(ExitCodes.Ok, nvt.Run("fasd", "-f", "readme"));
        Assert.Equal(best + "\n", nvt.Output.ToString());

        using var database = JumpDatabase.OpenForReading(nvt.DatabasePath);
        Assert.Equal(6, database!.ReadAll().Single(entry => entry.Path == best).Rank);
    }

    [Fact]
    public void Run_List_IsBestLast_AndScoresWithS()
    {
        string best = nvt.MakeFile("docs/readme-best.md");
        string other = nvt.MakeFile("docs/readme-other.md");
        nvt.Run("add", "--files", "--score", "5", best);
        nvt.Run("add", "--files", other);

        Assert.Equal(ExitCodes.Ok, nvt.Run("fasd", "-fl", "readme"));
        Assert.Equal($"{other}\n{best}\n", nvt.Output.ToString());
        Assert.Equal(ExitCodes.Ok, nvt.Run("fasd", "-s", "readme"));
        var lines = nvt.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(" " + best, lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Exec_RunsTheCommandOnTheBest()
    {
        string best = nvt.MakeFile("docs/readme-best.md");
        nvt.Run("add", "--files", best);
        nvt.ProcessRunner.Programs["cat"] = "/bin/cat";
        nvt.ProcessRunner.OnForeground = (_, _) => 3;

        Assert.Equal(3, nvt.Run("fasd", "-f", "-e", "cat -n", "readme"));
        Assert.Equal([["/bin/cat", "-n", best]], nvt.ProcessRunner.ForegroundRuns);
    }

    [Fact]
    public void Run_AddAndDelete_AsFasdAAndD()
    {
        string file = nvt.MakeFile("notes.txt");
        Assert.Equal(ExitCodes.Ok, nvt.Run("fasd", "-A", file));
        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--files", "notes"));
        Assert.Equal(ExitCodes.Ok, nvt.Run("fasd", "-D", file));
        Assert.Equal(ExitCodes.NoMatch, nvt.Run("query", "--files", "notes"));
    }
}
