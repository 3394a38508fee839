using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NeuralVision.Tools.IntegrationTests.Ssh;
using Tmds.DBus.Protocol;
using Xunit.Abstractions;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// A real Konsole (22.12 on Debian 12), headless, for tests of what a user sees: Xvfb on a free display, a private
/// dbus-daemon, and one Konsole window with one tab running <c>bash --norc --noprofile</c>, in a temp HOME with its own
/// XDG directories, a konsolerc without menu bar, toolbars and tab bar, and the test's profiles (name and background
/// colour; <see cref="KonsoleFiles"/>). The window is terminal only, so the dominant colour of a screenshot is the
/// tab's background. Recipe and timings: notes/issue15-konsole.md.
/// <para>
/// Everything lives in a <see cref="RunDirectory"/> (/tmp/nvt-konsole-XXXXXX). Dispose ends exactly what was started
/// here (Konsole's and Xvfb's process groups, the tab's processes, the bus) and removes the directory; a run that
/// crashed is cleaned up by the next start. Every wait has a limit, and failures say what Konsole printed.
/// </para>
/// </summary>
public sealed class RealKonsole : IDisposable
{
    public const string SessionPath = "/Sessions/1";
    public const string WindowPath = "/Windows/1";

    /// <summary>A background covers 99.4–99.9 % of a cleared tab and > 96 % with a few lines of text.</summary>
    public const double BackgroundShare = 0.9;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly RunDirectory run;
    private readonly RealKonsoleOptions options;
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);
    private readonly StringBuilder report = new();
    private readonly List<ProcessMark> processes = [];
    private OwnedProcess? xvfb;
    private DBusDaemon? bus;
    private OwnedProcess? konsole;
    private KonsoleDBusClient? client;
    private string? window;
    private int counter;
    private bool disposed;

    static RealKonsole()
    {
        // Each helper program run here (xdotool, import, convert, and dbus-daemon's start) blocks a thread-pool thread
        // while two more read its pipes, and the pool starts with one thread per core (2 on CI) and adds about one a
        // second after that. Two fixtures starting side by side then stalled ~1 s per step (3–4 s instead of 1 s).
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completionPorts);
    }

    private RealKonsole(RealKonsoleOptions options, RunDirectory run)
    {
        this.options = options;
        this.run = run;
        Root = run.Path;
        Home = Path.Combine(Root, "home");
        ConfigHome = Path.Combine(Home, ".config");
        DataHome = Path.Combine(Home, ".local", "share");
        ProfileDirectory = Path.Combine(DataHome, "konsole");
        RuntimeDirectory = Path.Combine(Root, "run");
        EmptyLayout = Path.Combine(Root, "empty-layout.json");
    }

    /// <summary>The run directory (HOME, runtime directory, bus socket, screenshots are all in it).</summary>
    public string Root { get; }

    public string Home { get; }

    public string ConfigHome { get; }

    public string DataHome { get; }

    /// <summary>$XDG_DATA_HOME/konsole: where Konsole reads NAME.profile and NAME.colorscheme.</summary>
    public string ProfileDirectory { get; }

    public string RuntimeDirectory { get; }

    /// <summary>An existing empty file for <c>--layout</c>: a missing one would make Konsole show a modal dialog.</summary>
    public string EmptyLayout { get; }

    public KonsoleProfile StartProfile => options.StartProfile;

    /// <summary>The X display, ":N".</summary>
    public string Display { get; private set; } = "";

    /// <summary>The private bus: DBUS_SESSION_BUS_ADDRESS in the tab.</summary>
    public string BusAddress => bus?.Address ?? throw new InvalidOperationException("the bus is not running");

    /// <summary>Konsole's pid; with --separate it is Konsole itself.</summary>
    public int ProcessId => konsole?.Id ?? throw new InvalidOperationException("Konsole is not running");

    /// <summary>Konsole's well-known bus name, org.kde.konsole-PID.</summary>
    public string ServiceName => "org.kde.konsole-" + ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Konsole's unique bus name (":1.N"): KONSOLE_DBUS_SERVICE in the tab, what nvt calls.</summary>
    public string UniqueName { get; private set; } = "";

    /// <summary>The tab shell's pid (Session.processId()).</summary>
    public int ShellProcessId { get; private set; }

    /// <summary>The environment Konsole was started with (nothing else is inherited).</summary>
    public IReadOnlyDictionary<string, string> Environment => environment;

    /// <summary>
    /// The environment of the shell in the tab, as `env` printed it there when it became ready: KONSOLE_DBUS_SERVICE,
    /// KONSOLE_DBUS_SESSION, KONSOLE_DBUS_WINDOW, DBUS_SESSION_BUS_ADDRESS, WINDOWID, TERM, … (see
    /// <see cref="ReadTabEnvironmentAsync"/> for the current one).
    /// </summary>
    public IReadOnlyDictionary<string, string> TabEnvironment { get; private set; } = new Dictionary<string, string>();

    /// <summary>The processes started for this Konsole (Xvfb, dbus-daemon, Konsole, the tab's shell), in that order.</summary>
    public IReadOnlyList<ProcessMark> Processes => processes;

    /// <summary>How long the start took, in total.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>The start, step by step, with times (for test output).</summary>
    public string StartReport => report.ToString();

    /// <summary>What Konsole printed on stderr so far.</summary>
    public string KonsoleErrors => konsole?.Errors ?? "";

    /// <summary>Starts everything and waits until the tab shows its shell in the start profile's background.</summary>
    public static async Task<RealKonsole> StartAsync(RealKonsoleOptions? options = null)
    {
        var konsole = new RealKonsole(options ?? new RealKonsoleOptions(), RunDirectory.Create());
        try
        {
            await konsole.StartCoreAsync().ConfigureAwait(false);
            return konsole;
        }
        catch
        {
            konsole.Dispose();
            throw;
        }
    }

    // ---------------------------------------------------------------- D-Bus

    /// <summary><c>Session.profile()</c> of the tab.</summary>
    public Task<string> ProfileAsync() => Client.ProfileAsync(SessionPath);

    /// <summary><c>Session.setProfile(name)</c>; Konsole ignores names it has not loaded, without an error.</summary>
    public Task SetProfileAsync(string name) => Client.SetProfileAsync(SessionPath, name);

    /// <summary><c>Window.profileList()</c>: the profiles this Konsole has loaded.</summary>
    public Task<IReadOnlyList<string>> ProfileListAsync() => Client.ProfileListAsync(WindowPath);

    public Task<string> DefaultProfileAsync() => Client.DefaultProfileAsync(WindowPath);

    /// <summary>
    /// Makes the running Konsole load a profile file written after it started (it reads profile files only at
    /// start): KDBusService.CommandLine <c>konsole --new-tab --layout EMPTY --profile FILE</c>, which opens no tab.
    /// Returns Konsole's answer (0).
    /// </summary>
    public Task<int> LoadProfileAsync(string profilePath) =>
        Client.CommandLineAsync(["konsole", "--new-tab", "--layout", EmptyLayout, "--profile", profilePath], Home);

    /// <summary>Any other call to Konsole, e.g. CommandLineAsync or SendTextAsync.</summary>
    public KonsoleDBusClient Client => client ?? throw new InvalidOperationException("Konsole is not running");

    // ---------------------------------------------------------------- the tab

    /// <summary>Types <paramref name="line"/> and Enter into the tab (Session.runCommand), without waiting.</summary>
    public Task RunCommandAsync(string line) => Client.RunCommandAsync(SessionPath, line);

    /// <summary>
    /// Types <paramref name="line"/> (a command list that may be followed by <c>; more</c>) into the tab as a user
    /// would, waits until the shell has run it, and returns its exit status.
    /// </summary>
    public async Task<int> RunAndWaitAsync(string line, TimeSpan? timeout = null)
    {
        string status = NewFile("status");
        await RunCommandAsync($"{line}; echo $? > '{status}.tmp'; mv '{status}.tmp' '{status}'").ConfigureAwait(false);
        string text = await WaitForFileAsync(status, timeout).ConfigureAwait(false);
        return int.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits until <paramref name="path"/> exists and returns its text (write it as FILE.tmp then mv, so it is never
    /// read half-written). Fails with Konsole's state and stderr when it does not appear in time (default 20 s).
    /// </summary>
    public async Task<string> WaitForFileAsync(string path, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (clock.Elapsed > limit || konsole is null || konsole.HasExited)
            {
                throw new TimeoutException($"{path} did not appear within {limit.TotalSeconds} s (Konsole {konsole?.Status}); Konsole's stderr:\n{KonsoleErrors}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return await File.ReadAllTextAsync(path).ConfigureAwait(false);
    }

    /// <summary>The environment of the shell in the tab now (as `env -0` prints it there).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadTabEnvironmentAsync()
    {
        string file = NewFile("env");
        await RunCommandAsync($"env -0 > '{file}.tmp'; mv '{file}.tmp' '{file}'").ConfigureAwait(false);
        return ParseEnvironment(await WaitForFileAsync(file).ConfigureAwait(false));
    }

    /// <summary>
    /// Back to the start: setProfile(start profile) (which also drops an OSC 11 colour), <c>clear</c>, and the start
    /// background on screen. Returns the background seen.
    /// </summary>
    public async Task<ColourShare> ResetAsync()
    {
        await SetProfileAsync(StartProfile.Name).ConfigureAwait(false);
        await RunAndWaitAsync("clear").ConfigureAwait(false);
        return await WaitForBackgroundAsync(StartProfile.Background).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- files

    /// <summary>Writes NAME.profile and NAME.colorscheme into <see cref="ProfileDirectory"/>; returns the profile's path.</summary>
    public string WriteProfile(KonsoleProfile profile) => KonsoleFiles.Write(ProfileDirectory, profile);

    /// <summary>Writes (or rewrites) only NAME.colorscheme; returns its path.</summary>
    public string WriteColourScheme(string name, RgbColour background)
    {
        string path = Path.Combine(ProfileDirectory, name + ".colorscheme");
        KonsoleFiles.WriteFile(path, KonsoleFiles.ColourScheme(name, background));
        return path;
    }

    // ---------------------------------------------------------------- pixels

    /// <summary>A screenshot of the Konsole window as the screen shows it; returns the PNG's path.</summary>
    public string Screenshot(string? path = null)
    {
        path ??= NewFile("shot") + ".png";
        XScreen.Capture(Display, Home, XScreen.Geometry(Display, Home, Window), path);
        return path;
    }

    /// <summary>The colours of a new screenshot of the window, most frequent first.</summary>
    public IReadOnlyList<ColourShare> Colours() => PixelHistogram.Of(Screenshot());

    /// <summary>The dominant colour of the terminal area (the whole window, see konsolerc) and its share.</summary>
    public ColourShare BackgroundColour() => Colours()[0];

    /// <summary>
    /// Takes screenshots until the background is <paramref name="expected"/> (covering at least
    /// <see cref="BackgroundShare"/>) or <paramref name="timeout"/> (default 10 s) has passed, and returns the last
    /// one's background; the caller asserts. Konsole repaints asynchronously after a profile switch or an escape
    /// sequence, so a single screenshot could come too early.
    /// </summary>
    public async Task<ColourShare> WaitForBackgroundAsync(RgbColour expected, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = BackgroundColour();
            if ((seen.Colour == expected && seen.Share >= BackgroundShare) || clock.Elapsed > limit)
            {
                return seen;
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Saves a screenshot and Konsole's stderr as TEST.png and TEST.konsole-stderr.txt in konsole-screenshots/ of the
    /// test output directory, and returns the PNG's path (or why there is none).
    /// </summary>
    public string SaveDiagnostics(string testName)
    {
        try
        {
            string directory = Path.Combine(AppContext.BaseDirectory, "konsole-screenshots");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, testName + ".konsole-stderr.txt"), KonsoleErrors);
            return Screenshot(Path.Combine(directory, testName + ".png"));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            // Never hide the test's own failure behind this one.
            return "no screenshot: " + e.Message;
        }
    }

    /// <summary>Runs a test body; when it fails, saves <see cref="SaveDiagnostics"/> and names the files in the test output.</summary>
    public async Task ScreenshotOnFailureAsync(ITestOutputHelper output, Func<Task> body, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body().ConfigureAwait(false);
        }
        catch
        {
            output.WriteLine($"failed; screenshot: {SaveDiagnostics(testName)}");
            output.WriteLine($"Konsole ({konsole?.Status}) stderr:\n{KonsoleErrors}");
            throw;
        }
    }

    // ---------------------------------------------------------------- end

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // Konsole first: SIGTERM to its group ends it within milliseconds and SIGHUPs the tab's shell; whatever the
        // tab started and left running is ended by pid afterwards (OwnedProcess.Stop).
        konsole?.Dispose();
        client?.Dispose();
        bus?.Dispose();
        xvfb?.Dispose();
        run.Delete();
    }

    // ---------------------------------------------------------------- start

    private string Window => window ?? throw new InvalidOperationException("the Konsole window is not known yet");

    private async Task StartCoreAsync()
    {
        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        foreach (string directory in new[] { ConfigHome, ProfileDirectory, Path.Combine(Home, ".cache"), RuntimeDirectory })
        {
            Directory.CreateDirectory(directory);
        }

        File.SetUnixFileMode(RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(EmptyLayout, "");
        File.WriteAllText(Path.Combine(ConfigHome, "konsolerc"), KonsoleFiles.Konsolerc(StartProfile.Name));
        foreach (var written in options.OtherProfiles.Prepend(StartProfile))
        {
            WriteProfile(written);
        }

        // 1. X server. -displayfd makes it pick a free display and write the number to that fd: fd 1 here, stdout,
        //    which nothing else writes to (its log goes to stderr). No -auth: local clients need no cookie.
        xvfb = OwnedProcess.Start("Xvfb", ["-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1024x768x24"],
            new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = Home }, Root);
        Record(xvfb.Mark, leadsGroup: true);
        string? number = await xvfb.FirstOutputLineAsync(options.StepTimeout).ConfigureAwait(false);
        if (number is null || !int.TryParse(number, CultureInfo.InvariantCulture, out _))
        {
            throw new InvalidOperationException($"Xvfb did not report a display within {options.StepTimeout.TotalSeconds} s ({xvfb.Status}); its stderr:\n{xvfb.Errors}");
        }

        Display = ":" + number;
        Report("Xvfb " + Display, step);

        // 2. The private bus, inside the run directory.
        bus = new DBusDaemon(Root);
        Record(ProcessTree.Mark(bus.ProcessId) ?? new ProcessMark(bus.ProcessId, -1), leadsGroup: false);
        Report("dbus-daemon", step);

        // 3. Konsole, with nothing of this process's environment: a developer's own KONSOLE_DBUS_*, WAYLAND_DISPLAY
        //    or session bus must not leak in. --separate (alias --nofork) keeps it from handing over to another
        //    Konsole, so the pid is Konsole's and the bus name org.kde.konsole-PID.
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        environment["LANG"] = "C.UTF-8";
        environment["HOME"] = Home;
        environment["USER"] = System.Environment.UserName;
        environment["SHELL"] = "/bin/bash";
        environment["DISPLAY"] = Display;
        environment["QT_QPA_PLATFORM"] = "xcb";
        environment["XDG_CONFIG_HOME"] = ConfigHome;
        environment["XDG_DATA_HOME"] = DataHome;
        environment["XDG_CACHE_HOME"] = Path.Combine(Home, ".cache");
        environment["XDG_RUNTIME_DIR"] = RuntimeDirectory;
        environment["DBUS_SESSION_BUS_ADDRESS"] = bus.Address;
        konsole = OwnedProcess.Start("konsole", ["--separate", "--profile", StartProfile.Name], environment, Home);
        Record(konsole.Mark, leadsGroup: true);
        client = await KonsoleDBusClient.ConnectAsync(bus.Address, ServiceName).ConfigureAwait(false);
        string profile = await UntilAsync("Konsole to answer profile() on " + ServiceName + " " + SessionPath, async () =>
        {
            try
            {
                return await client.ProfileAsync(SessionPath).ConfigureAwait(false);
            }
            catch (DBusErrorReplyException)
            {
                // ServiceUnknown until Konsole has taken its name, UnknownObject until the session exists.
                return null;
            }
        }).ConfigureAwait(false);
        if (profile != StartProfile.Name)
        {
            throw new InvalidOperationException($"Konsole started with profile '{profile}' instead of '{StartProfile.Name}'; its stderr:\n{KonsoleErrors}");
        }

        UniqueName = await client.GetNameOwnerAsync(ServiceName).ConfigureAwait(false);
        Report("Konsole on D-Bus", step);

        window = await UntilAsync("Konsole's window to be mapped", () =>
            Task.FromResult(XScreen.VisibleWindows(Display, Home, ProcessId) is [var first, ..] ? first : null)).ConfigureAwait(false);
        Report("window " + window, step);

        // 4. The shell: it runs what is typed into the tab (and writes its environment), then the screen is clear.
        ShellProcessId = await client.ProcessIdAsync(SessionPath).ConfigureAwait(false);
        if (ProcessTree.Mark(ShellProcessId) is { } shell)
        {
            Record(shell, leadsGroup: true);
        }

        string envFile = Path.Combine(Root, "tab-env");
        await RunCommandAsync($"clear; env -0 > '{envFile}.tmp'; mv '{envFile}.tmp' '{envFile}'").ConfigureAwait(false);
        TabEnvironment = ParseEnvironment(await WaitForFileAsync(envFile, options.StepTimeout).ConfigureAwait(false));
        Report("shell", step);

        // 5. What a user sees: the start profile's background.
        var seen = await WaitForBackgroundAsync(StartProfile.Background, options.StepTimeout).ConfigureAwait(false);
        if (seen.Colour != StartProfile.Background || seen.Share < BackgroundShare)
        {
            throw new InvalidOperationException($"the tab shows {seen}, not {StartProfile.Name}'s background {StartProfile.Background}; Konsole's stderr:\n{KonsoleErrors}");
        }

        Report("painted " + seen, step);
        StartDuration = total.Elapsed;
        report.Append(CultureInfo.InvariantCulture, $"total {StartDuration.TotalSeconds:0.00} s");
    }

    /// <summary>Polls <paramref name="attempt"/> until it gives a value; fails after the step timeout or when Konsole ended.</summary>
    private async Task<T> UntilAsync<T>(string what, Func<Task<T?>> attempt)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await attempt().ConfigureAwait(false) is { } value)
            {
                return value;
            }

            if (konsole!.HasExited || clock.Elapsed > options.StepTimeout)
            {
                throw new InvalidOperationException(
                    $"waited {clock.Elapsed.TotalSeconds:0.0} s for {what}; Konsole {konsole.Status}; its stderr:\n{KonsoleErrors}");
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }
    }

    private void Record(ProcessMark process, bool leadsGroup)
    {
        processes.Add(process);
        run.Record(process, leadsGroup);
    }

    private void Report(string what, Stopwatch step)
    {
        report.Append(CultureInfo.InvariantCulture, $"{what} {step.Elapsed.TotalSeconds:0.00} s, ");
        step.Restart();
    }

    private string NewFile(string kind) =>
        Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"{kind}-{Interlocked.Increment(ref counter)}"));

    private static Dictionary<string, string> ParseEnvironment(string text) =>
        text.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.Ordinal);
}
