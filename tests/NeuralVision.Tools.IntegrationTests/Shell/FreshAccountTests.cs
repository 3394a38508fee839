using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>
/// What a new user meets first: a HOME copied from /etc/skel, only the system's PATH (no ~/.local/bin), the README's
/// `./install.sh`, then a new terminal (`bash -i`, as terminal emulators start it) or an ssh login (`bash -l`), and the
/// zsh and fish equivalents with their usual start files. `z` must be a function there and jump to a directory visited
/// at an earlier prompt. The shells read the user's real start files, so results are read back from files rather than
/// from a known prompt on the screen.
/// </summary>
public sealed class FreshAccountTests
{
    private const string SystemPath = "/usr/local/bin:/usr/bin:/bin";

    public static TheoryData<string, string> Starts => new()
    {
        { "/usr/bin/bash", "-i" },
        { "/usr/bin/bash", "-l" },
        { "/usr/bin/zsh", "-i" },
        { "/usr/bin/zsh", "-l" },
        { "/usr/bin/fish", "-i" },
        { "/usr/bin/fish", "-l" },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void InstallSh_OnAFreshAccount_GivesANewShellAWorkingZ(string shell, string startOption)
    {
        using var account = new FreshAccount();
        var install = account.Install(shell);
        Assert.True(install.ExitCode == 0, $"install.sh failed:\n{install.Stdout}{install.Stderr}");
        Assert.DoesNotContain("NOTE:", install.Stdout, StringComparison.Ordinal);
        string project = account.MakeDirectory("projects/alpha-site");

        using var terminal = account.StartShell(shell, startOption);
        string name = Path.GetFileName(shell);
        string typeOf = name == "zsh" ? "whence -w z" : "type -t z";
        terminal.SendLine($"cd {TestShellSyntax.Quote(project)}");
        terminal.SendLine("cd /");
        terminal.SendLine($"{typeOf} > ~/type.out 2>&1; z alpha; pwd > ~/pwd.out");

        string type = terminal.WaitForFile("type.out");
        string pwd = terminal.WaitForFile("pwd.out");
        Assert.True(type.Trim() is "function" or "z: function", $"{name} {startOption}: `{typeOf}` said '{type.Trim()}'" + terminal.ScreenText());
        Assert.True(pwd.Trim() == project, $"{name} {startOption}: `z alpha` left the shell in '{pwd.Trim()}'" + terminal.ScreenText());
    }

    [Fact]
    public void InstallSh_WithoutRcChanges_NamesLinesThatWorkAnywhereInTheRcFile()
    {
        using var account = new FreshAccount();
        var install = account.Install("/usr/bin/bash", "--no-modify-rc");
        Assert.Equal(0, install.ExitCode);
        var note = install.Stdout.Split('\n').SkipWhile(line => !line.StartsWith("NOTE:", StringComparison.Ordinal)).ToList();
        Assert.True(note.Count >= 3, "expected a PATH note naming the lines to add:\n" + install.Stdout);
        var lines = note.Skip(2).TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal)).Select(line => line[2..]).ToList();
        Assert.NotEmpty(lines);

        // Put them FIRST in .bashrc, before Debian's own lines and before anything that could set PATH later.
        string bashrc = Path.Combine(account.Home, ".bashrc");
        File.WriteAllText(bashrc, string.Join('\n', lines) + "\n" + File.ReadAllText(bashrc));
        string project = account.MakeDirectory("work/beta");
        using var terminal = account.StartShell("/usr/bin/bash", "-i");
        terminal.SendLine($"cd {TestShellSyntax.Quote(project)}");
        terminal.SendLine("cd /");
        terminal.SendLine("z beta; pwd > ~/pwd.out");
        Assert.Equal(project, terminal.WaitForFile("pwd.out").Trim());
    }

    [Fact]
    public void InstallSh_Uninstall_RemovesExactlyItsBlocksAndNamesTheDatabase()
    {
        using var account = new FreshAccount();
        string bashrc = Path.Combine(account.Home, ".bashrc");
        string before = File.ReadAllText(bashrc);
        Assert.Equal(0, account.Install("/usr/bin/bash").ExitCode);
        Assert.Equal(0, account.Install("/usr/bin/bash").ExitCode);
        Assert.Equal(1, CountOccurrences(File.ReadAllText(bashrc), "# >>> nvt shell integration >>>"));

        var visit = ChildProcess.Run(Path.Combine(account.Home, ".local", "bin", "nvt"), ["add", account.MakeDirectory("kept")], environment: account.Environment("/usr/bin/bash"), cleanEnvironment: true);
        Assert.Equal(0, visit.ExitCode);
        var uninstall = account.RunInstallSh("/usr/bin/bash", "--uninstall");
        Assert.Equal(0, uninstall.ExitCode);
        Assert.Equal(before, File.ReadAllText(bashrc));
        Assert.False(File.Exists(Path.Combine(account.Home, ".local", "bin", "nvt")));
        string database = Path.Combine(account.Home, ".local", "share", "nvt", "nvt.db");
        Assert.Contains($"your nvt database was kept: {database}", uninstall.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(database));
    }

    [Fact]
    public void InstallSh_OnAFreshAccount_ManFindsThePages()
    {
        using var account = new FreshAccount();
        Assert.Equal(0, account.Install("/usr/bin/bash").ExitCode);
        using var terminal = account.StartShell("/usr/bin/bash", "-i");
        terminal.SendLine("{ man -w nvt; man -w nvt-query; } > ~/man.tmp 2>&1; mv ~/man.tmp ~/man.out");
        string pages = Path.Combine(account.Home, ".local", "share", "man", "man1");
        Assert.Equal($"{pages}/nvt.1\n{pages}/nvt-query.1\n", terminal.WaitForFile("man.out"));
    }

    [Fact]
    public void InstallSh_FishInstalledButNotUsed_WritesNoFishFile()
    {
        using var account = new FreshAccount();
        Assert.Equal(0, account.Install("/usr/bin/bash").ExitCode);
        Assert.False(Directory.Exists(Path.Combine(account.Home, ".config", "fish")), "a bash user got a fish configuration");
    }

    private static int CountOccurrences(string text, string what) => text.Split(what).Length - 1;

    /// <summary>A HOME copied from /etc/skel under a throw-away root, and the system's PATH only.</summary>
    private sealed class FreshAccount : IDisposable
    {
        private readonly string root;

        public FreshAccount()
        {
            root = Directory.CreateTempSubdirectory("nvt-fresh-").FullName;
            Home = Path.Combine(root, "home");
            var copy = ChildProcess.Run("cp", ["-a", "/etc/skel/.", Home + "/"]);
            Assert.True(copy.ExitCode == 0, "cp -a /etc/skel: " + copy.Stderr);
        }

        public string Home { get; }

        public string MakeDirectory(string relative) => Directory.CreateDirectory(Path.Combine(Home, relative)).FullName;

        public Dictionary<string, string> Environment(string shell) => new()
        {
            ["HOME"] = Home,
            ["PATH"] = SystemPath,
            ["SHELL"] = shell,
            ["LANG"] = "C.UTF-8",
            ["TERM"] = "xterm-256color",
        };

        /// <summary>The README's install, with the binary this test run built (the build itself is test.sh's check).</summary>
        public ProcessResult Install(string shell, params string[] options) =>
            RunInstallSh(shell, ["--binary", NvtBinary.Path, .. options]);

        public ProcessResult RunInstallSh(string shell, params string[] options) => ChildProcess.Run(
            Path.Combine(NvtBinary.RepositoryRoot(), "install.sh"),
            options,
            environment: Environment(shell),
            cleanEnvironment: true,
            workingDirectory: Home);

        public Terminal StartShell(string shell, string startOption) => new(root, Home, [.. Environment(shell).Select(pair => $"{pair.Key}={pair.Value}"), shell, startOption]);

        public void Dispose()
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>A shell in a private tmux server, started with `env -i` and the given environment.</summary>
    private sealed class Terminal : IDisposable
    {
        private readonly string socket;
        private readonly string home;

        public Terminal(string root, string home, string[] envAndCommand)
        {
            socket = Path.Combine(root, "tmux.sock");
            this.home = home;
            Tmux(["-f", "/dev/null", "new-session", "-d", "-s", "fresh", "-x", "160", "-y", "40", "-c", home, "/usr/bin/env", "-i", .. envAndCommand]);
        }

        public void SendLine(string text)
        {
            Tmux("send-keys", "-t", "fresh", "-l", "--", text);
            Tmux("send-keys", "-t", "fresh", "Enter");
        }

        /// <summary>The file's text once the shell has written and closed it (a line ending in a newline).</summary>
        public string WaitForFile(string name)
        {
            string path = Path.Combine(home, name);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                if (File.Exists(path))
                {
                    string text = File.ReadAllText(path);
                    if (text.EndsWith('\n'))
                    {
                        return text;
                    }
                }

                Thread.Sleep(50);
            }

            throw new TimeoutException($"the shell never wrote ~/{name}" + ScreenText());
        }

        public string ScreenText() => "\n--- screen ---\n" + Tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "fresh").TrimEnd() + "\n--------------";

        public void Dispose()
        {
            try
            {
                Tmux("kill-server");
            }
            catch (InvalidOperationException)
            {
            }
        }

        private string Tmux(params string[] args)
        {
            var result = ChildProcess.Run("tmux", ["-S", socket, .. args], environment: new Dictionary<string, string> { ["PATH"] = SystemPath, ["LANG"] = "C.UTF-8" }, cleanEnvironment: true);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {result.Stderr}");
            }

            return result.Stdout;
        }
    }
}
