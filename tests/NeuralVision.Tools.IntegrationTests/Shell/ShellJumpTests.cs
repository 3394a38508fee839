namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>`cd` records, `z` jumps: each shell driven interactively in tmux, the result read from $PWD.</summary>
public sealed class ShellJumpTests
{
    public static TheoryData<TestShell> AllShells => [TestShell.Bash, TestShell.Zsh, TestShell.Fish, TestShell.Posix];

    [Theory]
    [MemberData(nameof(AllShells))]
    public void Cd_RecordsEveryDirectory_AndZJumpsLikeCdWhenItCan(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        string home = shell.Home.Home;
        string alpha = shell.Home.MakeDirectory("with space/alpha");
        string beta = shell.Home.MakeDirectory("ünï/beta");
        string gamma = shell.Home.MakeDirectory("projects/gamma");

        foreach (string directory in new[] { alpha, beta, gamma, home })
        {
            shell.Cd(directory);
        }

        Assert.Equal(home, shell.Pwd());
        var recorded = shell.RecordedPaths();
        Assert.All(new[] { alpha, beta, gamma }, directory => Assert.Contains(directory, recorded));

        Jump(shell, "z alpha", alpha);
        Jump(shell, "z beta", beta);
        Jump(shell, "z -", alpha);
        Jump(shell, "z ..", Path.Combine(home, "with space"));
        Jump(shell, "z", home);
        // `--` forces the path meaning: ./projects exists, ./alpha does not (although "alpha" is a good keyword).
        Jump(shell, "z -- projects", Path.Combine(home, "projects"));
        shell.Run("z -- alpha");
        Assert.NotEqual(0, shell.Status());
        Assert.Equal(Path.Combine(home, "projects"), shell.Pwd());
        Jump(shell, "z gam", gamma);
    }

    [Theory]
    [MemberData(nameof(AllShells))]
    public void Z_NoMatch_PrintsOneLineReturnsOneAndStays(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        shell.Cd(shell.Home.MakeDirectory("somewhere"));
        shell.Cd(shell.Home.Home);

        var output = shell.Run("z nothingmatchesthis");

        Assert.Equal(["nvt: no match found"], output);
        Assert.Equal(1, shell.Status());
        Assert.Equal(shell.Home.Home, shell.Pwd());
    }

    [Theory]
    [MemberData(nameof(AllShells))]
    public void AliasCdToZ_CdJumpsByKeywordAndStillTakesPaths(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        string alpha = shell.Home.MakeDirectory("with space/alpha");
        shell.Cd(alpha);
        shell.Cd(shell.Home.Home);

        Assert.Empty(shell.Run("alias cd=z"));

        Jump(shell, "cd alpha", alpha);
        Jump(shell, "cd /tmp", "/tmp");
        Jump(shell, "cd -", alpha);
        Jump(shell, "cd", shell.Home.Home);
    }

    [Theory]
    [MemberData(nameof(AllShells))]
    public void SourcingTheRcFileAgain_KeepsOneHook_AndACdJournalsOneVisit(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        string target = shell.Home.MakeDirectory("target");

        Assert.Empty(shell.Run(shell.SourceRcCommand));
        // The init line alone, too: the rc file of the posix test resets PS1 before it, which would hide a second hook.
        Assert.Empty(shell.Run(kind.InitLine()));
        Assert.Empty(shell.Run(shell.SourceRcCommand));

        Assert.Equal(1, CountHooks(shell));
        int before = shell.JournalRecords();
        shell.Cd(target);
        // POSIX shells record at every prompt (the cd's and the one after `cd` in Cd()).
        Assert.InRange(shell.JournalRecords() - before, 1, kind == TestShell.Posix ? 2 : 1);
        Assert.Equal(0, shell.AddCalls());
        Assert.Contains(target, shell.RecordedPaths());
    }

    /// <summary>How many times the hook is installed, read from where each shell keeps it.</summary>
    internal static int CountHooks(TmuxShell shell)
    {
        switch (shell.Kind)
        {
            case TestShell.Bash:
                return Occurrences(shell.Eval("${PROMPT_COMMAND[*]}"), "__nvt_hook");
            case TestShell.Zsh:
                return Occurrences(shell.Eval("${chpwd_functions[*]} ${precmd_functions[*]}"), "__nvt_hook");
            case TestShell.Fish:
                // One function, and one event handler for it.
                Assert.Equal("yes", shell.Eval("$(functions -q __nvt_hook; and echo yes)"));
                return int.Parse(shell.Eval("$(functions --handlers | string match -e __nvt_hook | count)"), System.Globalization.CultureInfo.InvariantCulture);
            default:
                return Occurrences(shell.Eval("$PS1"), "$(__nvt_hook)");
        }
    }

    internal static void Jump(TmuxShell shell, string command, string expected)
    {
        var output = shell.Run(command);
        Assert.True(output.Count == 0, $"{shell.Kind}: `{command}` printed something" + TmuxShell.Show(output));
        Assert.Equal(expected, shell.Pwd());
    }

    private static int Occurrences(string text, string word)
    {
        int count = 0;
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
