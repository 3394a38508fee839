using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Infrastructure;
using NeuralVision.Tools.IntegrationTests.Ssh;
using Xunit.Abstractions;

namespace NeuralVision.Tools.IntegrationTests.Konsole;

/// <summary>
/// What a person sees, on a real Konsole 22.12 with a real ssh to a real sshd: `nvt profiles create` inside the
/// running tab, then `nvt ssh` typed there; the background is read from screenshots while ssh runs and after it, also
/// when nvt is killed (the next prompt restores), after an escape sequence has made profile() empty, with
/// auto_background, a wallpaper, and a --force recolouring. Each test uses profile names of its own, since Konsole
/// keeps every profile it has loaded. Screenshots of each moment are saved in konsole-screenshots/.
/// </summary>
public sealed class KonsoleSshTests : IClassFixture<KonsoleSshFixture>, IDisposable
{
    private static readonly KonsoleProfile Local = LocalKonsoleFixture.Local;
    private readonly RealKonsole konsole;
    private readonly TestSshd sshd;
    private readonly ITestOutputHelper output;
    private readonly List<RemoteSession> sessions = [];

    public KonsoleSshTests(KonsoleSshFixture fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        konsole = fixture.Konsole;
        sshd = fixture.Sshd;
        this.output = output;
    }

    private string ConfigPath => Path.Combine(konsole.ConfigHome, "nvt", "config.toml");

    private string Marker => Path.Combine(konsole.RuntimeDirectory, "nvt-restore." + konsole.ShellProcessId.ToString(CultureInfo.InvariantCulture));

    [Fact(Timeout = 90_000)]
    public Task ProfilesCreate_ThenRealSsh_NewBackgroundWhileSshRunsOldAfter() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await StartAsync();
        var gannet = RgbColour.Parse("#1b2b3b");

        Assert.Equal(0, await konsole.RunAndWaitAsync("nvt profiles create Gannet --background '#1b2b3b' --host 127.0.0.1"));
        Assert.Contains("Gannet", await konsole.ProfileListAsync());
        Assert.Equal("[ssh.profiles]\n\"127.0.0.1\" = \"Gannet\"\n", await File.ReadAllTextAsync(ConfigPath));

        var session = await SshAsync("gannet");
        Assert.Equal(gannet, (await Shot(gannet, "during")).Colour);
        Assert.Equal("Gannet", await konsole.ProfileAsync());
        Assert.True(File.Exists(Marker), "no restore marker while ssh runs");

        Assert.Equal(0, await session.EndAsync());
        Assert.Equal(Local.Background, (await Shot(Local.Background, "after")).Colour);
        Assert.Equal("Local", await konsole.ProfileAsync());
        Assert.False(File.Exists(Marker), "the marker is left after ssh");
    });

    [Fact(Timeout = 90_000)]
    public Task RealSsh_NvtKilled_NextPromptRestoresTheBackground() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await StartAsync();
        var kittiwake = RgbColour.Parse("#2b3b1b");
        Assert.Equal(0, await konsole.RunAndWaitAsync("nvt profiles create Kittiwake --background '#2b3b1b' --host 127.0.0.1"));

        var session = await SshAsync("kittiwake");
        Assert.Equal(kittiwake, (await Shot(kittiwake, "during")).Colour);
        int nvt = int.Parse((await File.ReadAllLinesAsync(Marker))[0], CultureInfo.InvariantCulture);
        SshTestBed.Signal(nvt, "KILL");

        Assert.Equal(128 + 9, await session.Exited);
        Assert.Equal(Local.Background, (await Shot(Local.Background, "after-kill")).Colour);
        Assert.Equal("Local", await konsole.ProfileAsync());
        Assert.False(File.Exists(Marker), "the marker is left after the restore");
        session.StopRemote();
    });

    [Fact(Timeout = 90_000)]
    public Task RealSsh_AfterAnEscapeSequenceEmptiedProfile_RestoresTheDefaultProfile() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await StartAsync();
        var puffin = LocalKonsoleFixture.Puffin.Background;
        // What `konsoleprofile colors=Breeze` does: Breeze's background, and profile() answers "" from now on.
        Assert.Equal(0, await konsole.RunAndWaitAsync(@"printf '\e]50;colors=Breeze\a'"));
        Assert.Equal(RgbColour.Parse("#232627"), (await konsole.WaitForBackgroundAsync(RgbColour.Parse("#232627"))).Colour);
        Assert.Equal("", await konsole.ProfileAsync());
        WriteConfig("[ssh.profiles]\n\"127.0.0.1\" = \"Puffin\"\n");

        var session = await SshAsync("osc50");
        Assert.Equal(puffin, (await Shot(puffin, "during")).Colour);
        Assert.Equal(0, await session.EndAsync());

        // Not left in Puffin's colours (setProfile("") would be ignored): the window's default profile.
        Assert.Equal(Local.Background, (await Shot(Local.Background, "after")).Colour);
        Assert.Equal("Local", await konsole.ProfileAsync());
    });

    [Fact(Timeout = 90_000)]
    public Task AutoBackground_RealSsh_ShowsTheHostsOwnColourWhileConnected() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await StartAsync();
        WriteConfig("[ssh]\nauto_background = true\n");
        string dryRun = Path.Combine(konsole.Root, "dry-run.txt");
        Assert.Equal(0, await konsole.RunAndWaitAsync($"nvt ssh --dry-run 127.0.0.1 > '{dryRun}'"));
        string line = (await File.ReadAllLinesAsync(dryRun)).Single(l => l.StartsWith("background: ", StringComparison.Ordinal));
        var colour = RgbColour.Parse(line["background: ".Length..][..7]);
        output.WriteLine(line);

        var session = await SshAsync("auto");
        Assert.Equal(colour, (await Shot(colour, "during")).Colour);
        Assert.StartsWith("nvt-", await konsole.ProfileAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await session.EndAsync());
        Assert.Equal(Local.Background, (await Shot(Local.Background, "after")).Colour);
    });

    [Fact(Timeout = 90_000)]
    public Task ProfilesCreate_Image_ShowsTheWallpaperWhileSshRuns() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await StartAsync();
        string image = Path.Combine(konsole.Root, "heron.png");
        var made = ChildProcess.Run("/usr/bin/convert", ["-size", "200x100", "xc:#804000", "xc:#004080", "-append", image]);
        Assert.True(made.ExitCode == 0, made.Stderr);
        Assert.Equal(0, await konsole.RunAndWaitAsync($"nvt profiles create Heron --image '{image}' --fill stretch --host 127.0.0.1"));

        var session = await SshAsync("heron");
        var top = RgbColour.Parse("#804000");
        await konsole.WaitForBackgroundAsync(top);
        var colours = PixelHistogram.Of(konsole.Screenshot(ShotPath("during")));
        output.WriteLine(string.Join(", ", colours.Take(3)));
        Assert.Equal(["#004080", "#804000"], colours.Take(2).Select(c => c.Colour.ToString()).Order(StringComparer.Ordinal));
        Assert.All(colours.Take(2), c => Assert.InRange(c.Share, 0.4, 0.6));
        Assert.Equal(0, await session.EndAsync());
        Assert.Equal(Local.Background, (await Shot(Local.Background, "after")).Colour);
    });

    [Fact(Timeout = 90_000)]
    public Task ProfilesCreate_ForceWithAnotherColour_ShowsAtTheNextSshWithoutRestartingKonsole() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await StartAsync();
        Assert.Equal(0, await konsole.RunAndWaitAsync("nvt profiles create Skua --background '#1b3b2b' --host 127.0.0.1"));
        var first = await SshAsync("skua1");
        Assert.Equal(RgbColour.Parse("#1b3b2b"), (await Shot(RgbColour.Parse("#1b3b2b"), "first")).Colour);
        Assert.Equal(0, await first.EndAsync());

        // Konsole keeps the profile as it first read it, but reads the scheme again when nothing shows it.
        Assert.Equal(0, await konsole.RunAndWaitAsync("nvt profiles create Skua --background '#3b1b2b' --force"));
        var second = await SshAsync("skua2");
        Assert.Equal(RgbColour.Parse("#3b1b2b"), (await Shot(RgbColour.Parse("#3b1b2b"), "second")).Colour);
        Assert.Equal(0, await second.EndAsync());
    });

    /// <summary>
    /// Ends every remote command this test started, so that a failed test leaves the tab at a prompt for the next one
    /// (the tab is shared).
    /// </summary>
    public void Dispose()
    {
        foreach (var session in sessions)
        {
            session.StopRemote();
            try
            {
                session.Exited.Wait(TimeSpan.FromSeconds(20));
            }
            catch (AggregateException)
            {
                // The test failed already; its own error is the one that matters.
            }
        }
    }

    /// <summary>Back to Local, a cleared tab, and no configuration.</summary>
    private async Task StartAsync()
    {
        if (File.Exists(ConfigPath))
        {
            File.Delete(ConfigPath);
        }

        Assert.Equal(Local.Background, (await konsole.ResetAsync()).Colour);
    }

    private void WriteConfig(string toml)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.WriteAllText(ConfigPath, toml);
    }

    /// <summary>Types `nvt ssh ... 127.0.0.1 'remote'` into the tab and waits until the remote command runs.</summary>
    private async Task<RemoteSession> SshAsync(string name)
    {
        string running = Path.Combine(konsole.Root, name + ".running");
        string stop = Path.Combine(konsole.Root, name + ".stop");
        // The loop also ends when the run directory goes: an ssh killed with the tab leaves no remote shell behind.
        string remote = $"touch '{running}'; while [ ! -e '{stop}' ] && [ -d '{konsole.Root}' ]; do sleep 0.1; done";
        string options = string.Join(' ', sshd.ClientOptions.Select(option => "'" + option + "'"));
        // -n: the remote command reads nothing; an ssh orphaned by a killed nvt must not fight the shell for the tab.
        var exited = konsole.RunAndWaitAsync($"clear; nvt ssh -n {options} {Environment.UserName}@127.0.0.1 \"{remote}\"", TimeSpan.FromSeconds(60));
        var session = new RemoteSession(exited, stop);
        sessions.Add(session);
        await konsole.WaitForFileAsync(running, TimeSpan.FromSeconds(30));
        return session;
    }

    /// <summary>Waits for <paramref name="expected"/> on screen, saves the screenshot as TEST-MOMENT.png, returns what it showed.</summary>
    private async Task<ColourShare> Shot(RgbColour expected, string moment, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var seen = await konsole.WaitForBackgroundAsync(expected);
        konsole.Screenshot(ShotPath(moment, test));
        Assert.True(seen.Share >= RealKonsole.BackgroundShare, $"{moment}: {seen} covers too little of the tab");
        return seen;
    }

    private static string ShotPath(string moment, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "konsole-screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{test}-{moment}.png");
    }

    /// <summary>An `nvt ssh` typed into the tab: its exit status once the shell has it, and the remote command's stop file.</summary>
    private sealed record RemoteSession(Task<int> Exited, string StopFile)
    {
        public void StopRemote() => File.WriteAllText(StopFile, "");

        public Task<int> EndAsync()
        {
            StopRemote();
            return Exited;
        }
    }
}
