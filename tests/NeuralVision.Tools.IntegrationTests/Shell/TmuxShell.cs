using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NeuralVision.Tools.IntegrationTests.Infrastructure;
using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>
/// An interactive shell in a pseudo-terminal: a private tmux server (its socket in a throw-away directory) runs the
/// shell with a clean environment, a temp HOME and an rc file that sets a known prompt and evals `nvt init`. The `nvt`
/// on PATH is a wrapper script that logs each call's arguments, one line per call, then execs the published binary:
/// that log is how tests count the processes the hook starts. Commands are typed with send-keys and their effect read
/// back with capture-pane, polled rather than slept on, in the manner of fzf's test/test_shell_integration.rb.
/// </summary>
public sealed class TmuxShell : IDisposable
{
    /// <summary>Every shell's prompt; a line starting with it is a prompt line.</summary>
    public const string Prompt = "PROMPT> ";

    private const string Session = "nvt";
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly string socket;
    private readonly int panePid;
    private int nextMarker;

    public TmuxShell(TestShell shell, TmuxShellOptions? options = null)
    {
        options ??= new TmuxShellOptions();
        Kind = shell;
        Home = new TempHome();
        try
        {
            socket = System.IO.Path.Combine(Home.Root, "tmux.sock");
            string bin = Directory.CreateDirectory(System.IO.Path.Combine(Home.Root, "bin")).FullName;
            WrapperPath = System.IO.Path.Combine(bin, "nvt");
            LogPath = System.IO.Path.Combine(Home.Root, "nvt-calls.log");
            File.WriteAllText(LogPath, "");
            File.WriteAllText(WrapperPath, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> {TestShellSyntax.Quote(LogPath)}\nexec {TestShellSyntax.Quote(NvtBinary.Path)} \"$@\"\n");
            File.SetUnixFileMode(WrapperPath, (UnixFileMode)0b111_101_101);
            string tools = options.WithoutFzf ? MakeToolsWithoutFzf() : "/usr/bin:/bin";

            var environment = new List<string>
            {
                "HOME=" + Home.Home,
                $"PATH={bin}:{tools}",
                "TERM=xterm",
                "LANG=C.UTF-8",
                "XDG_DATA_HOME=" + System.IO.Path.Combine(Home.Home, ".local", "share"),
                "XDG_CONFIG_HOME=" + System.IO.Path.Combine(Home.Root, "config"),
                "XDG_CACHE_HOME=" + System.IO.Path.Combine(Home.Root, "cache"),
                "XDG_STATE_HOME=" + System.IO.Path.Combine(Home.Root, "state"),
            };
            environment.AddRange(options.Environment.Select(pair => pair.Key + "=" + pair.Value));
            string[] command = PrepareShell(shell, options, environment);

            Tmux(["-u", "-f", "/dev/null", "new-session", "-d", "-s", Session, "-x", "200", "-y", "50", "-c", Home.Home,
                "/usr/bin/env", "-i", .. environment, .. command]);
            panePid = int.Parse(Tmux("display-message", "-p", "-t", Session, "#{pane_pid}").Trim(), CultureInfo.InvariantCulture);
            WaitFor(lines => lines.Count > 0 && lines[^1] == Prompt.TrimEnd(), "the first prompt");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public TestShell Kind { get; }

    public TempHome Home { get; }

    /// <summary>The `nvt` wrapper on the shell's PATH; delete it to make nvt vanish.</summary>
    public string WrapperPath { get; }

    /// <summary>One line per nvt process the shell started: its arguments.</summary>
    public string LogPath { get; }

    /// <summary>The rc file the shell read at start-up, to source again.</summary>
    public string RcPath { get; private set; } = "";

    /// <summary>The command that sources the rc file again.</summary>
    public string SourceRcCommand => Kind == TestShell.Posix ? ". " + TestShellSyntax.Quote(RcPath) : "source " + TestShellSyntax.Quote(RcPath);

    public IReadOnlyList<string> NvtCalls() => File.ReadAllLines(LogPath);

    /// <summary>How many `nvt add` processes have been started so far.</summary>
    public int AddCalls() => NvtCalls().Count(line => line.StartsWith("add ", StringComparison.Ordinal));

    /// <summary>
    /// The directories recorded, as `nvt list` (the published binary, not through the logging wrapper) sees them: it
    /// folds the journal first, with the exclusions a real run applies.
    /// </summary>
    public IReadOnlyList<string> RecordedPaths()
    {
        var result = Home.Run("list");
        Assert.True(result.ExitCode == 0, "nvt list failed: " + result.Stderr);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>How many complete records the hooks appended to the journal.</summary>
    public int JournalRecords() => JournalFile.CountRecords(Home.DataDirectory);

    /// <summary>Types text literally (no Enter).</summary>
    public void Type(string text)
    {
        if (text.Length > 0)
        {
            Tmux("send-keys", "-t", Session, "-l", "--", text);
        }
    }

    /// <summary>Presses keys by their tmux names (Enter, Tab, Escape, C-c).</summary>
    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", Session, .. keys]);

    public void SendLine(string text)
    {
        Type(text);
        Keys("Enter");
    }

    /// <summary>The whole pane, scroll-back included, wrapped lines joined, without trailing blanks.</summary>
    public IReadOnlyList<string> Screen()
    {
        var lines = Tmux("capture-pane", "-p", "-J", "-S", "-", "-t", Session)
            .Split('\n')
            .Select(line => line.TrimEnd())
            .ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    public static string Show(IEnumerable<string> lines) => "\n--- screen ---\n" + string.Join('\n', lines) + "\n--------------";

    /// <summary>Polls the screen until the predicate holds; fails with the screen after the timeout.</summary>
    public IReadOnlyList<string> WaitFor(Func<IReadOnlyList<string>, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var lines = Screen();
            if (predicate(lines))
            {
                return lines;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{Kind}: waited {limit.TotalSeconds} s for {what}" + Show(lines));
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Waits until the screen has not changed for a while (after a key whose effect has no clear end).</summary>
    public IReadOnlyList<string> WaitForQuiet(TimeSpan? quiet = null)
    {
        var still = quiet ?? TimeSpan.FromMilliseconds(400);
        var lines = Screen();
        var clock = Stopwatch.StartNew();
        var unchanged = Stopwatch.StartNew();
        while (unchanged.Elapsed < still)
        {
            if (clock.Elapsed > DefaultTimeout)
            {
                throw new TimeoutException($"{Kind}: the screen never settled" + Show(lines));
            }

            Thread.Sleep(50);
            var now = Screen();
            if (!now.SequenceEqual(lines))
            {
                lines = now;
                unchanged.Restart();
            }
        }

        return lines;
    }

    /// <summary>How many prompt lines the screen holds; pass it to <see cref="WaitForPrompt"/> after typing.</summary>
    public int PromptCount() => PromptLines(Screen()).Count;

    /// <summary>
    /// Waits for the prompt that follows the command typed at prompt number <paramref name="promptsBefore"/> (a fresh,
    /// empty prompt line at the bottom) and returns what the command printed between the two prompt lines.
    /// </summary>
    public IReadOnlyList<string> WaitForPrompt(int promptsBefore, string what)
    {
        var lines = WaitFor(
            lines => PromptLines(lines).Count > promptsBefore && lines[^1] == Prompt.TrimEnd(),
            what);
        var prompts = PromptLines(lines);
        return lines.Skip(prompts[promptsBefore - 1] + 1).Take(prompts[promptsBefore] - prompts[promptsBefore - 1] - 1).ToList();
    }

    /// <summary>Types a command, presses Enter, waits for the next prompt and returns the command's output lines.</summary>
    public IReadOnlyList<string> Run(string command)
    {
        int before = PromptCount();
        SendLine(command);
        return WaitForPrompt(before, $"`{command}` to finish");
    }

    /// <summary>
    /// The value of a shell expression, e.g. "$PWD": echoes it between markers that the typed line does not contain
    /// (the quotes split them), so neither the echoed command line nor a redrawn prompt can be mistaken for it.
    /// </summary>
    public string Eval(string expression)
    {
        int id = ++nextMarker;
        string command = $"echo \"={id}\"\"=[{expression}]={id}\"\"=\"";
        string output = string.Join('\n', Run(command));
        var match = Regex.Match(output, $@"={id}=\[(.*)\]={id}=", RegexOptions.Singleline);
        Assert.True(match.Success, $"{Kind}: no marker in the output of `{command}`" + Show(Screen()));
        return match.Groups[1].Value;
    }

    public string Pwd() => Eval("$PWD");

    /// <summary>The exit status of the last command line.</summary>
    public int Status() => int.Parse(Eval(Kind.StatusVariable()), CultureInfo.InvariantCulture);

    /// <summary>Runs `cd DIR` and checks that it printed nothing: neither cd nor the hook has anything to say.</summary>
    public void Cd(string directory)
    {
        var output = Run("cd " + TestShellSyntax.Quote(directory));
        Assert.True(output.Count == 0, $"{Kind}: `cd {directory}` printed something" + Show(output));
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(socket))
            {
                Tmux("kill-server");
            }
        }
        catch (InvalidOperationException)
        {
            // The server had already gone (the shell exited).
        }

        WaitForExit(panePid);
        Home.Dispose();
    }

    private static List<int> PromptLines(IReadOnlyList<string> lines)
    {
        var indexes = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith(Prompt, StringComparison.Ordinal) || lines[i] == Prompt.TrimEnd())
            {
                indexes.Add(i);
            }
        }

        return indexes;
    }

    /// <summary>The shell ends on the tmux server's SIGHUP; wait for it so it does not write into a deleted HOME.</summary>
    private static void WaitForExit(int pid)
    {
        if (pid <= 0)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        while (IsRunning(pid) && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(20);
        }

        if (IsRunning(pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    /// <summary>
    /// Alive and not a zombie: once tmux has gone, the dead shell waits for PID 1 to reap it, which can take seconds in
    /// a container, but it no longer touches HOME.
    /// </summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string afterName = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            return afterName.Length > 0 && afterName[0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// The hooks' fold counter starts at random (one `nvt fold` per ~50 cds); the tests start it at 0, so a count of
    /// processes does not depend on chance (the first fold comes with the 50th cd).
    /// </summary>
    private const string FoldCount = "__nvt_count=0\n";

    /// <summary>Writes the rc file and returns the shell's command line (its environment goes into the list).</summary>
    private string[] PrepareShell(TestShell shell, TmuxShellOptions options, List<string> environment)
    {
        string init = shell.InitLine(options.InitOptions);
        switch (shell)
        {
            case TestShell.Bash:
                RcPath = WriteRc("bashrc", $"PS1='{Prompt}'\nHISTFILE={TestShellSyntax.Quote(System.IO.Path.Combine(Home.Root, "bash_history"))}\n{options.RcPrelude}\n{FoldCount}{init}\n");
                return [shell.Executable(), "--noprofile", "--rcfile", RcPath, "-i"];
            case TestShell.Zsh:
                string zdotdir = Directory.CreateDirectory(System.IO.Path.Combine(Home.Root, "zdot")).FullName;
                RcPath = System.IO.Path.Combine(zdotdir, ".zshrc");
                File.WriteAllText(RcPath, $"PS1='{Prompt}'\nautoload -Uz compinit && compinit -u\n{options.RcPrelude}\n{FoldCount}{init}\n");
                environment.Add("ZDOTDIR=" + zdotdir);
                return [shell.Executable(), "-i"];
            case TestShell.Fish:
                string fishConfig = Directory.CreateDirectory(System.IO.Path.Combine(Home.Root, "config", "fish")).FullName;
                RcPath = System.IO.Path.Combine(fishConfig, "config.fish");
                File.WriteAllText(RcPath, $"set -g fish_greeting\nfunction fish_prompt; printf '%s' '{Prompt}'; end\nfunction fish_right_prompt; end\nfunction fish_title; end\n{options.RcPrelude}\nset -g __nvt_count 0\n{init}\n");
                return options.FishPrivate ? [shell.Executable(), "--private", "-i"] : [shell.Executable(), "-i"];
            default:
                RcPath = WriteRc("shrc", $"PS1='{Prompt}'\n{options.RcPrelude}\n{FoldCount}{init}\n");
                environment.Add("ENV=" + RcPath);
                return [shell.Executable(), "-i"];
        }
    }

    private string WriteRc(string name, string text)
    {
        string path = System.IO.Path.Combine(Home.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A directory of links to every program in /usr/bin but fzf (PATH cannot just skip one file).</summary>
    private string MakeToolsWithoutFzf()
    {
        string tools = Directory.CreateDirectory(System.IO.Path.Combine(Home.Root, "tools")).FullName;
        foreach (string program in Directory.EnumerateFileSystemEntries("/usr/bin"))
        {
            string name = System.IO.Path.GetFileName(program);
            if (name != "fzf")
            {
                File.CreateSymbolicLink(System.IO.Path.Combine(tools, name), program);
            }
        }

        return tools;
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux", ["-S", socket, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["LANG"] = "C.UTF-8";
        using var tmux = Process.Start(start) ?? throw new InvalidOperationException("could not start tmux");
        tmux.StandardInput.Close();
        var stderr = tmux.StandardError.ReadToEndAsync();
        string stdout = tmux.StandardOutput.ReadToEnd();
        tmux.WaitForExit();
        if (tmux.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed ({tmux.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }
}
