using System.Text.RegularExpressions;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>What needs a terminal: `zi` with fzf and with the numbered picker, Tab completion, and the doctor warning.</summary>
public sealed class ShellInteractiveTests
{
    public static TheoryData<TestShell> AllShells => [TestShell.Bash, TestShell.Zsh, TestShell.Fish, TestShell.Posix];

    public static TheoryData<TestShell> CompletingShells => [TestShell.Bash, TestShell.Zsh, TestShell.Fish];

    public static TheoryData<TestShell, bool> ShellsAndDoctorSetting => new()
    {
        { TestShell.Bash, true }, { TestShell.Bash, false },
        { TestShell.Zsh, true }, { TestShell.Zsh, false },
        { TestShell.Fish, true }, { TestShell.Fish, false },
        { TestShell.Posix, true }, { TestShell.Posix, false },
    };

    [Theory]
    [MemberData(nameof(AllShells))]
    public void Zi_WithFzf_JumpsToTheFilteredChoice_AndEscapeStaysWith130(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        var (alpha, beta, gamma) = MakeThreeDirectories(shell);

        int before = shell.PromptCount();
        shell.SendLine("zi");
        shell.WaitFor(
            lines => new[] { alpha, beta, gamma }.All(path => lines.Any(line => line.Contains(path, StringComparison.Ordinal))) && lines.Any(line => Regex.IsMatch(line, @"^\s*3/3\b")),
            "fzf to list the three directories");
        shell.Type("gamma");
        var filtered = shell.WaitFor(lines => lines.Any(line => Regex.IsMatch(line, @"^\s*1/3\b")), "fzf to filter down to one");
        shell.Keys("Enter");
        shell.WaitForPrompt(before, "zi to finish");
        Assert.Equal(gamma, shell.Pwd());

        before = shell.PromptCount();
        shell.SendLine("zi");
        shell.WaitFor(lines => lines.Count(line => Regex.IsMatch(line, @"^\s*2/2\b")) == 1, "fzf to list the two other directories");
        shell.Keys("Escape");
        shell.WaitForPrompt(before, "zi to give up");
        Assert.Equal(130, shell.Status());
        Assert.Equal(gamma, shell.Pwd());

        // FzfPicker.DefaultOptions asks for the prompt "nvt> " (see the report: fzf's option parser ends the value at '>').
        // The screen was taken as soon as fzf showed 1/3, which can be while "gamma" is still being typed.
        Assert.True(filtered.Any(line => line.StartsWith("nvt> g", StringComparison.Ordinal)), "fzf's prompt should read `nvt> `" + TmuxShell.Show(filtered));
    }

    [Theory]
    [MemberData(nameof(AllShells))]
    public void Zi_WithoutFzf_NumberedListBestFirst_PicksByNumber_EmptyOrCtrlCStays(TestShell kind)
    {
        using var shell = new TmuxShell(kind, new TmuxShellOptions { WithoutFzf = true });
        var (alpha, beta, gamma) = MakeThreeDirectories(shell);
        // gamma is visited more often than the others, so it is the best match and comes first.
        Assert.Equal(0, shell.Home.Run("add", "--", gamma).ExitCode);
        Assert.Equal(0, shell.Home.Run("add", "--", gamma).ExitCode);

        int before = shell.PromptCount();
        shell.SendLine("zi");
        var screen = WaitForPicker(shell, 1);
        var listed = screen.Select(line => Regex.Match(line, @"^\s*(\d+)  (/.*)$")).Where(match => match.Success).ToList();
        Assert.Equal(["1", "2", "3"], listed.Select(match => match.Groups[1].Value));
        Assert.Equal(gamma, listed[0].Groups[2].Value);
        Assert.Equal(new[] { alpha, beta, gamma }.Order(), listed.Select(match => match.Groups[2].Value).Order());
        shell.SendLine("1");
        shell.WaitForPrompt(before, "zi to jump");
        Assert.Equal(gamma, shell.Pwd());

        before = shell.PromptCount();
        shell.SendLine("zi");
        WaitForPicker(shell, 2);
        shell.Keys("Enter");
        shell.WaitForPrompt(before, "zi to give up on an empty answer");
        Assert.Equal(1, shell.Status());
        Assert.Equal(gamma, shell.Pwd());

        before = shell.PromptCount();
        shell.SendLine("zi");
        WaitForPicker(shell, 3);
        shell.Keys("C-c");
        shell.WaitForPrompt(before, "zi to give up on Ctrl-C");
        int status = shell.Status();
        Assert.True(status is 1 or 130, $"{kind}: Ctrl-C in zi's numbered picker should leave status 130 or 1, got {status}");
        Assert.Equal(gamma, shell.Pwd());
    }

    [Theory]
    [MemberData(nameof(CompletingShells))]
    public void ZKeywordTab_OneMatchBecomesItsPath_SeveralAreListedBestFirst(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        string solo = shell.Home.MakeDirectory("with space/solo");
        string top = shell.Home.MakeDirectory("projects/multi-top");
        string low = shell.Home.MakeDirectory("projects/multi-low");
        foreach (string path in new[] { solo, top, top, top, low })
        {
            Assert.Equal(0, shell.Home.Run("add", "--", path).ExitCode);
        }

        // One match: the keyword is replaced by the full path (escaped), and the line then jumps there.
        int before = shell.PromptCount();
        shell.Type("z sol");
        shell.Keys("Tab");
        shell.WaitFor(lines => Unescape(lines[^1]).StartsWith(TmuxShell.Prompt + "z " + solo, StringComparison.Ordinal), "z sol<Tab> to become the path");
        shell.Keys("Enter");
        shell.WaitForPrompt(before, "the completed z to finish");
        Assert.Equal(solo, shell.Pwd());

        // Several matches: Tab, Tab shows the database's matches (not the file system's), the most frequent first.
        before = shell.PromptCount();
        int calls = shell.NvtCalls().Count;
        shell.Type("z mul");
        shell.Keys("Tab");
        shell.WaitFor(_ => shell.NvtCalls().Count > calls, "Tab to ask nvt for the matches");
        shell.WaitForQuiet();
        shell.Keys("Tab");
        var screen = shell.WaitForQuiet();
        string listing = ListingAfter(screen, before);
        int topAt = listing.IndexOf("multi-top", StringComparison.Ordinal);
        int lowAt = listing.IndexOf("multi-low", StringComparison.Ordinal);
        Assert.True(
            topAt >= 0 && lowAt >= 0 && topAt < lowAt,
            $"{kind}: `z mul<Tab><Tab>` should list the database matches multi-top then multi-low (best first); the list shown was:\n{listing}" + TmuxShell.Show(screen));
    }

    [Theory]
    [MemberData(nameof(CompletingShells))]
    public void NvtTab_CompletesSubcommandsAndOptions(TestShell kind)
    {
        using var shell = new TmuxShell(kind);

        string subcommand = CompleteLine(shell, "nvt que");
        shell.Keys("C-u");
        shell.WaitFor(lines => lines[^1] == TmuxShell.Prompt.TrimEnd(), "the line to be cleared");
        string option = CompleteLine(shell, "nvt query --li");

        Assert.True(
            subcommand.StartsWith(TmuxShell.Prompt + "nvt query", StringComparison.Ordinal) && option.StartsWith(TmuxShell.Prompt + "nvt query --list", StringComparison.Ordinal),
            $"{kind}: `nvt que<Tab>` gave `{subcommand}`, `nvt query --li<Tab>` gave `{option}`; nvt was asked:\n" + string.Join('\n', shell.NvtCalls().Where(call => call.StartsWith("[suggest", StringComparison.Ordinal))));
    }

    /// <summary>Types a line, presses Tab once nvt has been asked for suggestions, and returns the line once it is still.</summary>
    private static string CompleteLine(TmuxShell shell, string text)
    {
        int calls = shell.NvtCalls().Count;
        shell.Type(text);
        shell.WaitFor(lines => lines[^1] == TmuxShell.Prompt + text, $"`{text}` to be typed");
        shell.Keys("Tab");
        shell.WaitFor(_ => shell.NvtCalls().Count > calls, $"Tab after `{text}` to ask nvt");
        return shell.WaitForQuiet()[^1];
    }

    [Theory]
    [MemberData(nameof(ShellsAndDoctorSetting))]
    public void Doctor_HookRemoved_ZWarnsOncePerShell_UnlessNvtDoctorIsZero(TestShell kind, bool doctor)
    {
        var environment = doctor ? new Dictionary<string, string>() : new Dictionary<string, string> { ["NVT_DOCTOR"] = "0" };
        using var shell = new TmuxShell(kind, new TmuxShellOptions { Environment = environment });
        string alpha = shell.Home.MakeDirectory("with space/alpha");
        string gamma = shell.Home.MakeDirectory("projects/gamma");
        Assert.Equal(0, shell.Home.Run("add", "--", alpha).ExitCode);
        Assert.Equal(0, shell.Home.Run("add", "--", gamma).ExitCode);

        string removeHook = kind switch
        {
            TestShell.Bash => "PROMPT_COMMAND=",
            TestShell.Zsh => "chpwd_functions=()",
            TestShell.Fish => "functions -e __nvt_hook",
            _ => $"PS1='{TmuxShell.Prompt}'",
        };
        Assert.Empty(shell.Run(removeHook));

        var first = shell.Run("z alpha");
        Assert.Equal(alpha, shell.Pwd());
        var second = shell.Run("z gamma");
        Assert.Equal(gamma, shell.Pwd());

        if (doctor)
        {
            Assert.True(first.Count == 1 && first[0].StartsWith("nvt: ", StringComparison.Ordinal) && first[0].Contains("hook", StringComparison.Ordinal), $"{kind}: expected one warning about the hook" + TmuxShell.Show(first));
        }
        else
        {
            Assert.Empty(first);
        }

        Assert.Empty(second);
    }

    private static (string Alpha, string Beta, string Gamma) MakeThreeDirectories(TmuxShell shell)
    {
        string alpha = shell.Home.MakeDirectory("with space/alpha");
        string beta = shell.Home.MakeDirectory("ünï/beta");
        string gamma = shell.Home.MakeDirectory("projects/gamma");
        foreach (string directory in new[] { alpha, beta, gamma, shell.Home.Home })
        {
            shell.Cd(directory);
        }

        return (alpha, beta, gamma);
    }

    /// <summary>Waits for the numbered picker's question to be on screen for the <paramref name="nth"/> time.</summary>
    private static IReadOnlyList<string> WaitForPicker(TmuxShell shell, int nth) =>
        shell.WaitFor(
            lines => lines.Count(line => line.StartsWith("nvt: choose 1-", StringComparison.Ordinal)) == nth && lines[^1].StartsWith("nvt: choose 1-", StringComparison.Ordinal),
            "the numbered picker's question");

    /// <summary>The lines below the prompt the command was typed at, other than prompt lines: the completion list.</summary>
    private static string ListingAfter(IReadOnlyList<string> screen, int promptsBefore)
    {
        int typedAt = screen.Select((line, index) => (line, index)).Where(x => x.line.StartsWith(TmuxShell.Prompt, StringComparison.Ordinal) || x.line == TmuxShell.Prompt.TrimEnd()).ElementAt(promptsBefore - 1).index;
        return string.Join('\n', screen.Skip(typedAt + 1).Where(line => !line.StartsWith(TmuxShell.Prompt, StringComparison.Ordinal)));
    }

    private static string Unescape(string line) => line.Replace("\\ ", " ", StringComparison.Ordinal);
}
