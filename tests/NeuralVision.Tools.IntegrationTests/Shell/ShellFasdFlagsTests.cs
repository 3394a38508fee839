using System.Globalization;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>
/// fasd's flags through fasd's commands (`nvt init SHELL --fasd`) in real shells: each flag of fasd 1.0.1's `fasd -h`
/// as a fasd user types it. The database holds, from an import with fixed times: readme-old.md (rank 100, a week ago),
/// readme-new.md (rank 2, a minute ago) and two directories the same way, so rank, recency and frecency order them
/// differently.
/// </summary>
public sealed class ShellFasdFlagsTests
{
    public static TheoryData<TestShell> FasdShells => [TestShell.Bash, TestShell.Zsh, TestShell.Fish];

    [Theory]
    [MemberData(nameof(FasdShells))]
    public void FasdCommands_TakeFasdsFlags(TestShell kind)
    {
        using var shell = new TmuxShell(kind, new TmuxShellOptions
        {
            InitOptions = "--fasd",
            WithoutFzf = true,
            Environment = new Dictionary<string, string> { ["EDITOR"] = "/bin/echo" },
        });
        var home = shell.Home;
        string oldDir = home.MakeDirectory("proj-old");
        string newDir = home.MakeDirectory("proj-new");
        string oldFile = Path.Combine(oldDir, "readme-old.md");
        string newFile = Path.Combine(newDir, "readme-new.md");
        File.WriteAllText(oldFile, "old contents\n");
        File.WriteAllText(newFile, "new contents\n");
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string weekAgo = (now - 7 * 86400).ToString(CultureInfo.InvariantCulture);
        string minuteAgo = (now - 60).ToString(CultureInfo.InvariantCulture);
        string fasdFile = Path.Combine(home.Root, "fasd-data");
        File.WriteAllLines(fasdFile, [$"{oldFile}|100|{weekAgo}", $"{newFile}|2|{minuteAgo}", $"{oldDir}|100|{weekAgo}", $"{newDir}|2|{minuteAgo}"]);
        var import = home.Run("import", "--from", "fasd", fasdFile);
        Assert.True(import.ExitCode == 0, import.Stderr);

        // -l: paths without scores, best last; -R: best first.
        Assert.Equal([newFile, oldFile], shell.Run("f -l readme"));
        Assert.Equal([oldFile, newFile], shell.Run("f -l -R readme"));
        Assert.Equal([oldFile, newFile], shell.Run("f -lR readme"));

        // -r: rank alone puts the rank-100 entry best; -t: recency alone puts the recent one best (listed last).
        Assert.Equal([newDir, oldDir], shell.Run("d -r -l proj"));
        Assert.Equal([oldDir, newDir], shell.Run("d -t -l proj"));
        Assert.Equal([newDir], shell.Run("d -t -1 proj"));
        Assert.Equal([oldDir], shell.Run("d -r -1 proj"));

        // -s: scores and paths; `a` lists files and directories alike; a query on a terminal lists too (fasd).
        var scored = shell.Run("a -s proj");
        Assert.Equal(2, scored.Count);
        Assert.All(scored, line => Assert.Matches(@"^\s*\d+\.\d /", line));
        Assert.Equal(4, shell.Run("a").Count);
        Assert.Equal(2, shell.Run("f readme").Count);

        // In a pipe or a command substitution: the best match only.
        string best = kind == TestShell.Fish ? "echo \"[\"(f readme)\"]\"" : "echo \"[$(f readme)]\"";
        Assert.Equal([$"[{oldFile}]"], shell.Run(best));

        // -[0-9]: the Nth best.
        Assert.Equal([newFile], shell.Run("f -2 readme"));
        Assert.Equal(["nvt: only 2 matches, no match number 3"], shell.Run("f -3 readme"));

        // -e: run a command on the best match; v is fasd's `f -e $EDITOR`.
        Assert.Equal(["old contents"], shell.Run("f -e cat readme"));
        Assert.Equal(["new contents"], shell.Run("f -ecat readme-new"));
        Assert.Equal([oldFile], shell.Run("v readme"));

        // -i and s/sd/sf (fasd -si, -sid, -sif): a numbered list when several match, the answer is printed.
        int before = shell.PromptCount();
        shell.SendLine("f -i readme");
        shell.WaitFor(lines => lines.Any(line => line.Contains(newFile, StringComparison.Ordinal)) && lines[^1].EndsWith("(Enter to cancel):", StringComparison.Ordinal), "the numbered picker");
        shell.SendLine("2");
        var picked = shell.WaitForPrompt(before, "f -i to print the choice");
        Assert.Equal(newFile, picked[^1]);
        Assert.Equal([newDir], shell.Run("sd proj-new"));
        Assert.Equal([newFile], shell.Run("sf readme-new"));
        Assert.Equal([oldDir], shell.Run("s proj-old"));

        // Flags fasd has no answer for here say so, on one line.
        Assert.Equal(["nvt: fasd's backends (-b, -B) are not supported: nvt reads its own database only"], shell.Run("f -b viminfo readme"));
        Assert.Equal(["nvt: unknown fasd option '-x' (see 'nvt fasd -h')"], shell.Run("f -x readme"));
        Assert.NotEqual(0, shell.Status());
    }
}
