using System.Diagnostics;
using System.Globalization;
using System.Text;
using NeuralVision.Tools.IntegrationTests.Ssh;
using Tmds.DBus.Protocol;

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
public sealed partial class RealKonsole : IDisposable
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

    /// <summary>Whether Konsole still runs, or how it ended.</summary>
    public string KonsoleStatus => konsole?.Status ?? "not started";

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
        return EnvironmentDump.Parse(await WaitForFileAsync(file).ConfigureAwait(false));
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

    private string NewFile(string kind) =>
        Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"{kind}-{Interlocked.Increment(ref counter)}"));
}
