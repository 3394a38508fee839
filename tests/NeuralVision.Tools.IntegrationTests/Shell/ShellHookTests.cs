using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>
/// The prompt hook in real interactive shells: that it starts no nvt process (counted by the logging wrapper) and
/// appends to the journal instead,
/// that it keeps $? and prints nothing even without nvt or with a broken database, and the shell settings it must
/// respect (set -u, an array PROMPT_COMMAND, history off, fish private mode).
/// </summary>
public sealed class ShellHookTests
{
    public static TheoryData<TestShell, string> ShellsAndHookModes => new()
    {
        { TestShell.Bash, "pwd" }, { TestShell.Bash, "prompt" }, { TestShell.Bash, "none" },
        { TestShell.Zsh, "pwd" }, { TestShell.Zsh, "prompt" }, { TestShell.Zsh, "none" },
        { TestShell.Fish, "pwd" }, { TestShell.Fish, "prompt" }, { TestShell.Fish, "none" },
        { TestShell.Posix, "pwd" }, { TestShell.Posix, "prompt" }, { TestShell.Posix, "none" },
    };

    public static TheoryData<TestShell, string> ShellsAndConditions => new()
    {
        { TestShell.Bash, "healthy" }, { TestShell.Bash, "nvt-missing" }, { TestShell.Bash, "database-corrupt" },
        { TestShell.Zsh, "healthy" }, { TestShell.Zsh, "nvt-missing" }, { TestShell.Zsh, "database-corrupt" },
        { TestShell.Fish, "healthy" }, { TestShell.Fish, "nvt-missing" }, { TestShell.Fish, "database-corrupt" },
        { TestShell.Posix, "healthy" }, { TestShell.Posix, "nvt-missing" }, { TestShell.Posix, "database-corrupt" },
    };

    [Theory]
    [MemberData(nameof(ShellsAndHookModes))]
    public void Prompts_StartNoNvtProcess_AndRecordAsTheHookModeSays(TestShell kind, string hook)
    {
        using var shell = new TmuxShell(kind, new TmuxShellOptions { InitOptions = "--hook " + hook });
        string target = shell.Home.MakeDirectory("target");

        int before = shell.NvtCalls().Count;
        int recordsBefore = shell.JournalRecords();
        shell.Run("");
        shell.Run("true");
        Assert.Equal(["hi"], shell.Run("echo hi"));
        int recordsFromPrompts = shell.JournalRecords() - recordsBefore;
        shell.Cd(target);

        // Every nvt process counts here, not only `nvt add`: neither a prompt nor a cd starts one (the journal takes it).
        Assert.Equal(0, shell.NvtCalls().Count - before);

        // POSIX shells have no directory hook: there `pwd` records at every prompt, as nvt.sh documents.
        int expectedFromPrompts = hook == "prompt" || (hook == "pwd" && kind == TestShell.Posix) ? 3 : 0;
        Assert.Equal(expectedFromPrompts, recordsFromPrompts);
        Assert.Equal(hook != "none", shell.RecordedPaths().Contains(target));

        // Whatever the mode, the prompt that follows a failing command still shows its status.
        shell.Run("false");
        Assert.Equal(1, shell.Status());
    }

    [Theory]
    [MemberData(nameof(ShellsAndConditions))]
    public void Prompt_KeepsStatusAndPrintsNothing_EvenWithoutNvtOrWithABrokenDatabase(TestShell kind, string condition)
    {
        using var shell = new TmuxShell(kind);
        string alpha = shell.Home.MakeDirectory("with space/alpha");
        string beta = shell.Home.MakeDirectory("ünï/beta");
        if (condition == "nvt-missing")
        {
            File.Delete(shell.WrapperPath);
        }
        else if (condition == "database-corrupt")
        {
            Directory.CreateDirectory(shell.Home.DataDirectory);
            File.WriteAllBytes(shell.Home.DatabasePath, Enumerable.Range(0, 8192).Select(i => (byte)((i * 7919) + 13)).ToArray());
        }

        shell.Cd(alpha);
        Assert.Empty(shell.Run($"cd {TestShellSyntax.Quote(beta)}; false"));
        Assert.Equal(1, shell.Status());
        Assert.Equal(beta, shell.Pwd());

        Assert.Empty(shell.Run("false"));
        Assert.Equal(1, shell.Status());
        Assert.Empty(shell.Run("true"));
        Assert.Equal(0, shell.Status());
        ShellJumpTests.Jump(shell, "z ..", Path.GetDirectoryName(beta)!);

        // Run() already checked that each command printed nothing; this also covers anything drawn around the prompts.
        Assert.DoesNotContain(shell.Screen(), line => Regex.IsMatch(line, "nvt:|not found|[Nn]o such file|database|rror"));
        if (condition == "healthy")
        {
            Assert.Subset(shell.RecordedPaths().ToHashSet(), new HashSet<string> { alpha, beta });
        }
        else if (condition == "database-corrupt")
        {
            // The hook never touches the database: the visits wait in the journal for a database that can take them.
            Assert.True(shell.JournalRecords() >= 2, "the hook should still have journaled the visits");
        }
    }

    public static TheoryData<TestShell> ShellsWithSetU => [TestShell.Bash, TestShell.Zsh, TestShell.Posix];

    [Theory]
    [MemberData(nameof(ShellsWithSetU))]
    public void SetU_InTheInteractiveShell_HookJumpsAndCompletionStillWork(TestShell kind)
    {
        using var shell = new TmuxShell(kind, new TmuxShellOptions { RcPrelude = "set -u" });
        string alpha = shell.Home.MakeDirectory("with space/alpha");
        string gamma = shell.Home.MakeDirectory("projects/gamma");

        Assert.Contains("u", shell.Eval("$-"), StringComparison.Ordinal);
        shell.Cd(alpha);
        shell.Cd(gamma);
        shell.Cd(shell.Home.Home);
        ShellJumpTests.Jump(shell, "z alpha", alpha);
        ShellJumpTests.Jump(shell, "z -", shell.Home.Home);
        ShellJumpTests.Jump(shell, "z", shell.Home.Home);
        Assert.Equal(["nvt: no match found"], shell.Run("z nothingmatchesthis"));
        Assert.Equal(1, shell.Status());
        if (kind != TestShell.Posix)
        {
            int before = shell.PromptCount();
            shell.Type("z gam");
            shell.Keys("Tab");
            shell.WaitFor(lines => lines[^1].Contains(gamma, StringComparison.Ordinal), "z gam<Tab> to complete the path");
            shell.Keys("Enter");
            shell.WaitForPrompt(before, "the completed z to finish");
            Assert.Equal(gamma, shell.Pwd());
        }

        Assert.DoesNotContain(shell.Screen(), line => line.Contains("unbound", StringComparison.OrdinalIgnoreCase) || line.Contains("parameter not set", StringComparison.OrdinalIgnoreCase));
        Assert.Subset(shell.RecordedPaths().ToHashSet(), new HashSet<string> { alpha, gamma });
    }

    [Fact]
    public void Bash_ArrayPromptCommand_KeepsBothCommandsAndTheStatusTheySee()
    {
        const string Prelude = """
            a_func() { a_status=$?; a_runs=$(( ${a_runs-0} + 1 )); }
            b_func() { b_runs=$(( ${b_runs-0} + 1 )); }
            PROMPT_COMMAND=(a_func b_func)
            """;
        using var shell = new TmuxShell(TestShell.Bash, new TmuxShellOptions { RcPrelude = Prelude });
        string target = shell.Home.MakeDirectory("target");

        Assert.Equal("3 __nvt_hook a_func b_func", shell.Eval("${#PROMPT_COMMAND[@]} ${PROMPT_COMMAND[*]}"));
        int[] first = Runs(shell);
        shell.Run("");
        shell.Run("true");
        int[] second = Runs(shell);
        Assert.True(second[0] - first[0] >= 2 && second[0] - first[0] == second[1] - first[1], $"a_func and b_func ran {first[0]}→{second[0]} and {first[1]}→{second[1]} times");

        shell.Run("false");
        Assert.Equal("1", shell.Eval("$a_status"));
        int before = shell.JournalRecords();
        int calls = shell.NvtCalls().Count;
        shell.Cd(target);
        Assert.Equal(1, shell.JournalRecords() - before);
        Assert.Equal(calls, shell.NvtCalls().Count);
        Assert.Contains(target, shell.RecordedPaths());

        static int[] Runs(TmuxShell shell) => shell.Eval("${a_runs} ${b_runs}").Split(' ').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void Bash_HistoryOff_CdIsNotRecorded()
    {
        using var shell = new TmuxShell(TestShell.Bash);
        string secret = shell.Home.MakeDirectory("secret");
        string visible = shell.Home.MakeDirectory("visible");

        Assert.Empty(shell.Run("set +o history"));
        int before = shell.JournalRecords();
        shell.Cd(secret);
        Assert.Empty(shell.Run("false"));
        Assert.Equal(1, shell.Status());
        Assert.Equal(0, shell.JournalRecords() - before);

        Assert.Empty(shell.Run("set -o history"));
        shell.Cd(visible);
        var recorded = shell.RecordedPaths();
        Assert.Contains(visible, recorded);
        Assert.DoesNotContain(secret, recorded);
    }

    [Fact]
    public void Fish_PrivateMode_CdIsNotRecorded_ButZStillJumps()
    {
        using var shell = new TmuxShell(TestShell.Fish, new TmuxShellOptions { FishPrivate = true });
        string secret = shell.Home.MakeDirectory("secret");
        string known = shell.Home.MakeDirectory("known/place");
        Assert.Equal(0, shell.Home.Run("add", "--", known).ExitCode);

        shell.Cd(secret);
        shell.Cd(shell.Home.Home);
        ShellJumpTests.Jump(shell, "z place", known);

        Assert.Equal(0, shell.AddCalls());
        Assert.DoesNotContain(secret, shell.RecordedPaths());
    }
}
