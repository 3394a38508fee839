using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>
/// `nvt init` over every shell × --cmd × --hook × --no-cmd, sourced in each shell's strictest clean non-interactive mode
/// (as zoxide's src/shell.rs does): silent, successful, and defining exactly the functions and hook the options ask for;
/// bash and posix output clean under shellcheck; bad arguments rejected.
/// </summary>
public sealed class ShellScriptTests : IDisposable
{
    private static readonly string[] Candidates = ["z", "zi", "j", "ji", "__nvt_z", "__nvt_zi"];

    private readonly TempHome home = new();

    public void Dispose() => home.Dispose();

    public static TheoryData<TestShell, string, string, bool> Matrix()
    {
        var data = new TheoryData<TestShell, string, string, bool>();
        foreach (var shell in new[] { TestShell.Bash, TestShell.Zsh, TestShell.Fish, TestShell.Posix })
        {
            foreach (string cmd in new[] { "", "j" })
            {
                foreach (string hook in new[] { "pwd", "prompt", "none" })
                {
                    data.Add(shell, cmd, hook, false);
                    data.Add(shell, cmd, hook, true);
                }
            }
        }

        return data;
    }

    public static TheoryData<TestShell, string, string, bool> LintedMatrix()
    {
        var data = new TheoryData<TestShell, string, string, bool>();
        foreach (var row in Matrix())
        {
            if ((TestShell)row[0] is TestShell.Bash or TestShell.Posix)
            {
                data.Add((TestShell)row[0], (string)row[1], (string)row[2], (bool)row[3]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Init_SourcedInACleanStrictShell_IsSilentAndDefinesWhatTheOptionsSay(TestShell shell, string cmd, string hook, bool noCmd)
    {
        // dash sets a default PS1 ("# " for root) even when not interactive; fix it so the hook's place is known.
        string prelude = shell == TestShell.Posix ? "PS1='$ '\n" : "";
        string script = prelude + shell.InitLine(Options(cmd, hook, noCmd)) + "\n" + Probe(shell);

        var result = ShellProcess.RunStrict(home, shell, script);

        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 0 && lines[0] == "@@", "sourcing the init printed something:\n" + result.Stdout);

        string name = cmd.Length > 0 ? cmd : "z";
        string[] expectedFunctions = noCmd ? ["__nvt_z", "__nvt_zi"] : [name, name + "i", "__nvt_z", "__nvt_zi"];
        Assert.Equal(expectedFunctions.Order(StringComparer.Ordinal), lines.Where(line => Candidates.Contains(line)).Order(StringComparer.Ordinal));
        Assert.Equal("hook:" + ExpectedHook(shell, hook), lines.Single(line => line.StartsWith("hook:", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(LintedMatrix))]
    public void Init_BashAndPosixOutput_HasNoShellcheckFindings(TestShell shell, string cmd, string hook, bool noCmd)
    {
        var init = home.Run(["init", shell.InitName(), .. Options(cmd, hook, noCmd).Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.Equal(0, init.ExitCode);

        var lint = ShellProcess.Run(home, "shellcheck", ["-s", shell == TestShell.Bash ? "bash" : "sh", "-"], init.Stdout);

        Assert.True(lint.ExitCode == 0 && lint.Stdout.Length == 0, "shellcheck found:\n" + lint.Stdout + lint.Stderr);
    }

    public static TheoryData<TestShell, string> FasdMatrix()
    {
        var data = new TheoryData<TestShell, string>();
        foreach (var shell in new[] { TestShell.Bash, TestShell.Zsh, TestShell.Fish })
        {
            foreach (string hook in new[] { "pwd", "prompt", "none" })
            {
                data.Add(shell, hook);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FasdMatrix))]
    public void InitFasd_SourcedInACleanStrictShell_IsSilentAndDefinesFasdsCommands(TestShell shell, string hook)
    {
        string[] fasdCommands = ["a", "d", "f", "o", "s", "sd", "sf", "v", "zz"];
        string names = string.Join(' ', fasdCommands);
        string probe = shell switch
        {
            TestShell.Bash => $$"""for f in {{names}}; do if declare -F "$f" >/dev/null; then printf '%s\n' "$f"; fi; done""",
            TestShell.Zsh => $$"""for f in {{names}}; do if (( ${+functions[$f]} )); then print -r -- "$f"; fi; done""",
            _ => $$"""for f in {{names}}; if functions -q $f; echo $f; end; end""",
        };

        var result = ShellProcess.RunStrict(home, shell, shell.InitLine("--fasd --hook " + hook) + "\n" + probe);

        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(fasdCommands, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("pwd")]
    [InlineData("none")]
    public void InitFasd_BashOutput_HasNoShellcheckFindings(string hook)
    {
        var init = home.Run("init", "bash", "--fasd", "--hook", hook);
        Assert.Equal(0, init.ExitCode);

        var lint = ShellProcess.Run(home, "shellcheck", ["-s", "bash", "-"], init.Stdout);

        Assert.True(lint.ExitCode == 0 && lint.Stdout.Length == 0, "shellcheck found:\n" + lint.Stdout + lint.Stderr);
    }

    [Fact]
    public void InitFasd_Posix_ExitsTwoWithOneLine()
    {
        var result = home.Run("init", "posix", "--fasd");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("nvt: --fasd needs bash, zsh or fish: a POSIX shell has no hook that sees the commands it runs\n", result.Stderr);
    }

    [Fact]
    public void Init_UnknownShell_ExitsTwoWithOneLineListingTheSupportedShells()
    {
        var result = home.Run("init", "tcsh");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string[] lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Contains("bash, zsh, fish, posix", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a;b")]
    [InlineData("a b")]
    [InlineData("$(x)")]
    [InlineData("")]
    public void Init_CommandNameThatIsNotAPlainWord_ExitsTwo(string name)
    {
        var result = home.Run("init", "bash", "--cmd", name);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    private static string Options(string cmd, string hook, bool noCmd) =>
        (cmd.Length > 0 ? $"--cmd {cmd} " : "") + "--hook " + hook + (noCmd ? " --no-cmd" : "");

    /// <summary>Prints @@, then each defined function among <see cref="Candidates"/>, then "hook:" and where the hook is.</summary>
    private static string Probe(TestShell shell)
    {
        string names = string.Join(' ', Candidates);
        return shell switch
        {
            TestShell.Bash => $$"""
                printf '%s\n' @@
                for f in {{names}}; do if declare -F "$f" >/dev/null; then printf '%s\n' "$f"; fi; done
                printf 'hook:%s\n' "${PROMPT_COMMAND-}"
                """,
            TestShell.Zsh => $$"""
                print -r -- @@
                for f in {{names}}; do if (( ${+functions[$f]} )); then print -r -- "$f"; fi; done
                print -r -- "hook:${chpwd_functions[*]-}|${precmd_functions[*]-}"
                """,
            TestShell.Fish => $$"""
                echo @@
                for f in {{names}}; if functions -q $f; echo $f; end; end
                set -l handlers (functions --handlers | string match -e __nvt_hook)
                echo "hook:$handlers"
                """,
            _ => $$"""
                printf '%s\n' @@
                for f in {{names}}; do case "$(type "$f" 2>/dev/null || true)" in *function*) printf '%s\n' "$f" ;; esac; done
                printf 'hook:%s\n' "${PS1-}"
                """,
        };
    }

    private static string ExpectedHook(TestShell shell, string hook) => (shell, hook) switch
    {
        (TestShell.Bash, "none") => "",
        (TestShell.Bash, _) => "__nvt_hook",
        // The restore check after a killed `nvt ssh` runs before every prompt whatever records directories.
        (TestShell.Zsh, "pwd") => "__nvt_hook|__nvt_restore_check",
        (TestShell.Zsh, "prompt") => "|__nvt_restore_check __nvt_hook",
        (TestShell.Zsh, _) => "|",
        (TestShell.Fish, "pwd") => "PWD __nvt_hook",
        (TestShell.Fish, "prompt") => "fish_prompt __nvt_hook",
        (TestShell.Fish, _) => "",
        (_, "none") => "$ ",
        _ => "$ $(__nvt_hook)",
    };
}
