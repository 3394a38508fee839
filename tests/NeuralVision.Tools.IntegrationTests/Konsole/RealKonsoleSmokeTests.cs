using NeuralVision.Tools.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NeuralVision.Tools.IntegrationTests.Konsole;

/// <summary>
/// The real Konsole fixture proven on real pixels, and the Konsole 22.12 behaviour nvt relies on: what D-Bus profile
/// switches, profiles written after the start, and escape sequences do to what the user sees.
/// </summary>
public sealed class RealKonsoleSmokeTests : IClassFixture<LocalKonsoleFixture>
{
    private static readonly KonsoleProfile Local = LocalKonsoleFixture.Local;
    private static readonly KonsoleProfile Puffin = LocalKonsoleFixture.Puffin;

    /// <summary>Long enough for Konsole to have repainted after a change it did make (it repaints within ~50 ms).</summary>
    private static readonly TimeSpan NoChangeWait = TimeSpan.FromMilliseconds(500);

    private readonly RealKonsole konsole;
    private readonly ITestOutputHelper output;

    public RealKonsoleSmokeTests(LocalKonsoleFixture fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        konsole = fixture.Konsole;
        this.output = output;
        output.WriteLine("fixture start: " + konsole.StartReport);
    }

    [Fact(Timeout = 60_000)]
    public Task Tab_AtStart_ShowsTheStartProfileBackground() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await konsole.ResetAsync();

        Assert.Equal("Local", await konsole.ProfileAsync());
        var background = konsole.BackgroundColour();
        Assert.Equal(Local.Background, background.Colour);
        Assert.True(background.Share > 0.98, $"a cleared tab should be nearly all background: {background}");
        Assert.Equal(["Local", "Puffin"], (await konsole.ProfileListAsync()).Order(StringComparer.Ordinal));
    });

    [Fact(Timeout = 60_000)]
    public Task Tab_Environment_NamesThisKonsoleSessionAndBus() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        var env = konsole.TabEnvironment;

        // What nvt reads to find its tab: the unique bus name (not org.kde.konsole-PID), the session and window paths.
        Assert.StartsWith(":", konsole.UniqueName, StringComparison.Ordinal);
        Assert.Equal(konsole.UniqueName, env["KONSOLE_DBUS_SERVICE"]);
        Assert.Equal(RealKonsole.SessionPath, env["KONSOLE_DBUS_SESSION"]);
        Assert.Equal(RealKonsole.WindowPath, env["KONSOLE_DBUS_WINDOW"]);
        Assert.Equal(konsole.BusAddress, env["DBUS_SESSION_BUS_ADDRESS"]);
        Assert.Equal(konsole.Home, env["HOME"]);
        Assert.Equal("xterm-256color", env["TERM"]);

        // The same shell, read again after a command typed there changed it.
        Assert.Equal(0, await konsole.RunAndWaitAsync("export NVT_PROBE='typed in the tab'"));
        var now = await konsole.ReadTabEnvironmentAsync();
        Assert.Equal("typed in the tab", now["NVT_PROBE"]);
        Assert.Equal(konsole.UniqueName, now["KONSOLE_DBUS_SERVICE"]);

        // A D-Bus client with only those variables (as nvt is) reaches this tab.
        using var client = await KonsoleDBusClient.ConnectAsync(env["DBUS_SESSION_BUS_ADDRESS"], env["KONSOLE_DBUS_SERVICE"]);
        Assert.Equal(await konsole.ProfileAsync(), await client.ProfileAsync(env["KONSOLE_DBUS_SESSION"]));
    });

    [Fact(Timeout = 60_000)]
    public Task SetProfile_PreMadeProfile_ChangesTheBackgroundAndSetProfileBackRestoresIt() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await konsole.ResetAsync();

        await konsole.SetProfileAsync(Puffin.Name);
        var during = await konsole.WaitForBackgroundAsync(Puffin.Background);
        Assert.Equal(Puffin.Background, during.Colour);
        Assert.Equal("Puffin", await konsole.ProfileAsync());

        await konsole.SetProfileAsync(Local.Name);
        var after = await konsole.WaitForBackgroundAsync(Local.Background);
        Assert.Equal(Local.Background, after.Colour);
        Assert.Equal("Local", await konsole.ProfileAsync());
    });

    [Fact(Timeout = 60_000)]
    public Task SetProfile_ProfileWrittenAfterStart_IsIgnoredUntilLoadedThroughCommandLine() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await konsole.ResetAsync();
        var kite = new KonsoleProfile("Kite", "#0a2846");
        string path = konsole.WriteProfile(kite);

        // Konsole reads profile files only when it starts: setProfile of a new one returns normally and does nothing.
        await konsole.SetProfileAsync(kite.Name);
        Assert.Equal("Local", await konsole.ProfileAsync());
        Assert.DoesNotContain("Kite", await konsole.ProfileListAsync());
        await Task.Delay(NoChangeWait);
        Assert.Equal(Local.Background, konsole.BackgroundColour().Colour);

        // KDBusService.CommandLine with --profile FILE loads it, without opening a tab or switching this one.
        Assert.Equal(0, await konsole.LoadProfileAsync(path));
        Assert.Contains("Kite", await konsole.ProfileListAsync());
        Assert.Equal("Local", await konsole.ProfileAsync());

        await konsole.SetProfileAsync(kite.Name);
        var during = await konsole.WaitForBackgroundAsync(kite.Background);
        Assert.Equal(kite.Background, during.Colour);
        Assert.Equal("Kite", await konsole.ProfileAsync());

        await konsole.SetProfileAsync(Local.Name);
        Assert.Equal(Local.Background, (await konsole.WaitForBackgroundAsync(Local.Background)).Colour);
    });

    [Fact(Timeout = 60_000)]
    public Task Osc11_PrintedInTab_ChangesTheBackgroundUntilSetProfile() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await konsole.ResetAsync();
        var osc = RgbColour.Parse("#203040");

        Assert.Equal(0, await konsole.RunAndWaitAsync(@"printf '\e]11;#203040\a'"));
        var during = await konsole.WaitForBackgroundAsync(osc);
        Assert.Equal(osc, during.Colour);
        Assert.Equal("Local", await konsole.ProfileAsync());

        // setProfile of the current profile drops the OSC 11 colour: how nvt restores a tab in Konsole.
        await konsole.SetProfileAsync(Local.Name);
        Assert.Equal(Local.Background, (await konsole.WaitForBackgroundAsync(Local.Background)).Colour);
    });

    [Fact(Timeout = 60_000)]
    public Task Osc111_AfterOsc11_LeavesTheOsc11Colour() => konsole.ScreenshotOnFailureAsync(output, async () =>
    {
        await konsole.ResetAsync();
        var osc = RgbColour.Parse("#203040");
        Assert.Equal(0, await konsole.RunAndWaitAsync(@"printf '\e]11;#203040\a'"));
        Assert.Equal(osc, (await konsole.WaitForBackgroundAsync(osc)).Colour);

        // Konsole 22.12 ignores OSC 111 ("reset background"), so it cannot undo OSC 11 there.
        Assert.Equal(0, await konsole.RunAndWaitAsync(@"printf '\e]111\a'"));
        await Task.Delay(NoChangeWait);
        Assert.Equal(osc, konsole.BackgroundColour().Colour);

        await konsole.SetProfileAsync(Local.Name);
        Assert.Equal(Local.Background, (await konsole.WaitForBackgroundAsync(Local.Background)).Colour);
    });
}
