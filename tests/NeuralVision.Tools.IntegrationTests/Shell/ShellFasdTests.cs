namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>`nvt init SHELL --fasd`: command arguments recorded by the hook, and fasd's commands, in real shells.</summary>
public sealed class ShellFasdTests
{
    public static TheoryData<TestShell> FasdShells => [TestShell.Bash, TestShell.Zsh, TestShell.Fish];

    [Theory]
    [MemberData(nameof(FasdShells))]
    public void Fasd_RecordsEachCommandsFilesInOneProcess_AndFasdCommandsFindThem(TestShell kind)
    {
        using var shell = new TmuxShell(kind, new TmuxShellOptions
        {
            InitOptions = "--fasd",
            Environment = new Dictionary<string, string> { ["EDITOR"] = "/bin/echo" },
        });
        string project = shell.Home.MakeDirectory("project-alpha");
        string notes = Path.Combine(project, "notes file.txt");
        File.WriteAllText(notes, "x");
        shell.Cd(project);

        int before = shell.NvtCalls().Count;
        shell.Run("wc -c 'notes file.txt'");
        var calls = shell.NvtCalls().Skip(before).ToList();
        Assert.True(calls.Count == 1 && calls[0].StartsWith("add --command wc -c", StringComparison.Ordinal), $"{kind}: one `nvt add --command` per command, got:\n" + string.Join('\n', calls));

        before = shell.NvtCalls().Count;
        shell.Run("");
        Assert.Equal(before, shell.NvtCalls().Count);

        // On a terminal a query lists its matches with their scores, as fasd does; `v` runs the editor on the best.
        Assert.Matches(@"^\s*\d+\.\d " + System.Text.RegularExpressions.Regex.Escape(notes) + "$", Assert.Single(shell.Run("f notes")));
        Assert.Matches(@"^\s*\d+\.\d " + System.Text.RegularExpressions.Regex.Escape(project) + "$", Assert.Single(shell.Run("d alpha")));
        Assert.Equal([notes], shell.Run("v notes"));
        var listing = shell.Run("a");
        Assert.Contains(listing, line => line.EndsWith(" " + notes, StringComparison.Ordinal));
        Assert.Contains(listing, line => line.EndsWith(" " + project, StringComparison.Ordinal));

        // An ignored command records nothing, and `z` still jumps to directories only.
        shell.Cd(shell.Home.Home);
        Assert.Equal(["nvt: no match found"], shell.Run("z notes"));
        Assert.NotEqual(0, shell.Status());
        Assert.Empty(shell.Run("z alpha"));
        Assert.Equal(project, shell.Pwd());
    }

    [Fact]
    public void ZshWordMode_CommaKeywordTab_BecomesTheBestMatch()
    {
        using var shell = new TmuxShell(TestShell.Zsh, new TmuxShellOptions { InitOptions = "--fasd" });
        string project = shell.Home.MakeDirectory("project-beta");
        string notes = Path.Combine(project, "notes file.txt");
        File.WriteAllText(notes, "x");
        Assert.Equal(0, shell.Home.Run("add", "--files", "--", notes, project).ExitCode);

        int before = shell.PromptCount();
        shell.Type("echo f,notes");
        shell.Keys("Tab");
        shell.WaitFor(
            lines => lines[^1].Replace("\\ ", " ", StringComparison.Ordinal).StartsWith(TmuxShell.Prompt + "echo " + notes, StringComparison.Ordinal),
            "f,notes<Tab> to become the file's path");
        shell.Keys("Enter");
        Assert.Equal([notes], shell.WaitForPrompt(before, "echo to print the completed path"));

        before = shell.PromptCount();
        shell.Type("echo d,beta");
        shell.Keys("Tab");
        shell.WaitFor(lines => lines[^1].StartsWith(TmuxShell.Prompt + "echo " + project, StringComparison.Ordinal), "d,beta<Tab> to become the directory");
        shell.Keys("Enter");
        Assert.Equal([project], shell.WaitForPrompt(before, "echo to print the completed directory"));
    }
}
