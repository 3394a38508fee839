using System.Diagnostics;
using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// One `nvt ssh` scene: a temp HOME, a private dbus-daemon with a test Konsole on it (optional), and a stand-in `ssh`
/// first on PATH. The stand-in records its argv (NUL-separated, byte for byte), asks the test Konsole for the tab's
/// profile while it runs (with dbus-send, as any other client would), and then exits as FAKE_SSH tells it:
/// "exit N", "sleep" (exec sleep, so signals reach it directly) or "kill" (SIGKILL itself). For `ssh -G` it prints
/// a HostName from FAKE_SSH_HOSTNAME. Every process started here is killed on Dispose.
/// </summary>
public sealed class SshTestBed : IDisposable
{
    private readonly List<Process> started = [];

    private SshTestBed(TempHome home, DBusDaemon? bus, FakeKonsoleService? konsole)
    {
        Home = home;
        Bus = bus;
        Konsole = konsole;
        BinDirectory = Path.Combine(home.Root, "bin");
        Directory.CreateDirectory(BinDirectory);
        string script = Path.Combine(BinDirectory, "ssh");
        File.WriteAllText(script, $$"""
            #!/bin/bash
            started=$EPOCHREALTIME
            out='{{home.Root}}'
            if [ "$1" = -G ]; then
                printf '%s\0' "$@" > "$out/argv-G"
                printf 'hostname %s\nuser bob\nport 22\n' "${FAKE_SSH_HOSTNAME:-unresolved.example}"
                exit 0
            fi
            printf '%s\0' "$@" > "$out/argv"
            echo "$started" > "$out/started"
            if [ -n "$KONSOLE_DBUS_SERVICE" ]; then
                dbus-send --session --print-reply=literal --dest="$KONSOLE_DBUS_SERVICE" "$KONSOLE_DBUS_SESSION" \
                    org.kde.konsole.Session.profile > "$out/profile-during" 2>&1
            fi
            mode=${FAKE_SSH:-exit 0}
            case "$mode" in
            sleep) echo $$ > "$out/ssh.pid.tmp"; mv "$out/ssh.pid.tmp" "$out/ssh.pid"; exec sleep 30 ;;
            kill) kill -KILL $$ ;;
            exit*) echo "$EPOCHREALTIME" > "$out/exiting"; exit "${mode#exit }" ;;
            esac
            """);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        Home.Variables["PATH"] = BinDirectory + ":/usr/local/bin:/usr/bin:/bin";
        Home.Variables["XDG_CONFIG_HOME"] = Path.Combine(home.Home, ".config");
        if (bus is not null)
        {
            Home.Variables["DBUS_SESSION_BUS_ADDRESS"] = bus.Address;
        }

        if (konsole is not null)
        {
            Home.Variables["KONSOLE_DBUS_SERVICE"] = konsole.UniqueName;
            Home.Variables["KONSOLE_DBUS_SESSION"] = FakeKonsoleService.SessionPath;
            Home.Variables["KONSOLE_DBUS_WINDOW"] = FakeKonsoleService.WindowPath;
        }
    }

    public TempHome Home { get; }

    public DBusDaemon? Bus { get; }

    public FakeKonsoleService? Konsole { get; }

    public string BinDirectory { get; }

    /// <summary>A scene inside a Konsole tab (bus and test Konsole running).</summary>
    public static async Task<SshTestBed> InKonsoleAsync(KonsoleMode mode = KonsoleMode.Normal, string currentProfile = "Local")
    {
        var home = new TempHome();
        var bus = new DBusDaemon();
        var konsole = await FakeKonsoleService.StartAsync(bus.Address, currentProfile);
        konsole.Mode = mode;
        return new SshTestBed(home, bus, konsole);
    }

    /// <summary>A scene outside Konsole: no bus, no KONSOLE_DBUS_* variables.</summary>
    public static SshTestBed OutsideKonsole() => new(new TempHome(), null, null);

    public void WriteConfig(string toml)
    {
        string directory = Path.Combine(Home.Home, ".config", "nvt");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "config.toml"), toml);
    }

    /// <summary>The argv the stand-in ssh received for the session (not for -G), or null when it did not run.</summary>
    public IReadOnlyList<string>? SshArgv => ReadArgv("argv");

    public IReadOnlyList<string>? ResolveArgv => ReadArgv("argv-G");

    /// <summary>What dbus-send printed for profile() while ssh ran (trimmed), or null when it did not ask.</summary>
    public string? ProfileDuringSsh
    {
        get
        {
            string file = Path.Combine(Home.Root, "profile-during");
            return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }
    }

    public ProcessResult Run(params string[] args) => Home.Run(args);

    /// <summary>When the stand-in ssh started and when it was about to exit (bash's $EPOCHREALTIME), in µs since 1970.</summary>
    public (long Started, long Exiting) SshTimes() => (ReadMicroseconds("started"), ReadMicroseconds("exiting"));

    /// <summary>
    /// Starts nvt as the leader of a new session and process group (setsid), so a test can signal nvt alone or its
    /// whole group as a terminal's Ctrl-C would, without hitting the test runner.
    /// </summary>
    public Process StartInOwnGroup(params string[] args)
    {
        var start = new ProcessStartInfo("setsid", [NvtBinary.Path, .. args])
        {
            WorkingDirectory = Home.Home,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment.Clear();
        start.Environment["HOME"] = Home.Home;
        foreach (var (name, value) in Home.Variables)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        started.Add(process);
        return process;
    }

    /// <summary>Waits until the stand-in ssh is sleeping and returns its pid.</summary>
    public int WaitForSleepingSsh()
    {
        string file = Path.Combine(Home.Root, "ssh.pid");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (File.Exists(file))
            {
                return int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException("the stand-in ssh did not start within 20 s");
    }

    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, "--", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public static ProcessResult Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("nvt did not exit within 20 s");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, TimeSpan.Zero);
    }

    public void Dispose()
    {
        foreach (var process in started)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }

        // A stand-in ssh left sleeping (a failed test) is ended by its pid.
        string pidFile = Path.Combine(Home.Root, "ssh.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid))
        {
            try
            {
                using var sleeping = Process.GetProcessById(pid);
                sleeping.Kill();
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }

        Konsole?.Dispose();
        Bus?.Dispose();
        Home.Dispose();
    }

    private long ReadMicroseconds(string name)
    {
        string text = File.ReadAllText(Path.Combine(Home.Root, name)).Trim().Replace(",", ".", StringComparison.Ordinal);
        return (long)(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture) * 1_000_000m);
    }

    private string[]? ReadArgv(string name)
    {
        string file = Path.Combine(Home.Root, name);
        if (!File.Exists(file))
        {
            return null;
        }

        string text = File.ReadAllText(file);
        return text.Length == 0 ? [] : text.TrimEnd('\0').Split('\0');
    }
}
