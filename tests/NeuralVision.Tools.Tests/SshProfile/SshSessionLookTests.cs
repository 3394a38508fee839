using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.SshProfile;
using NeuralVision.Tools.SshProfile.Commands;
using NeuralVision.Tools.SshProfile.Konsole;
using NeuralVision.Tools.SshProfile.Restore;

namespace NeuralVision.Tools.Tests.SshProfile;

/// <summary>
/// `nvt ssh` and what a running Konsole does not do by itself: load profiles written after it started, undo OSC 11, or
/// tell which profile to come back to after an escape sequence; and the restore marker, the generated background
/// profiles and auto_background. Fake Konsole and recorded ssh; the real ones are in the integration tests.
/// </summary>
public sealed class SshSessionLookTests : IDisposable
{
    private readonly FakeKonsoleTab konsole = new();
    private readonly TestContext nvt;
    private readonly string konsoleDirectory;
    private string? markerDuringSsh;
    private string? profileDuringSsh;
    private string? outputDuringSsh;

    public SshSessionLookTests()
    {
        nvt = new TestContext(new()
        {
            ["KONSOLE_DBUS_SERVICE"] = ":1.42",
            ["KONSOLE_DBUS_SESSION"] = "/Sessions/1",
            ["KONSOLE_DBUS_WINDOW"] = "/Windows/1",
            ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent",
            ["XDG_DATA_DIRS"] = "/usr/share",
        });
        nvt.Variables["NVT_RESTORE_MARKER"] = Path.Combine(nvt.Home, "run", "nvt-restore.123");
        nvt.Variables["XDG_RUNTIME_DIR"] = nvt.MakeDirectory("run");
        nvt.Variables["NVT_CONFIG"] = Path.Combine(nvt.Home, "config.toml");
        konsoleDirectory = nvt.MakeDirectory(".local/share/konsole");
        nvt.ProcessRunner.Programs["ssh"] = "/usr/bin/ssh";
        nvt.ProcessRunner.OnForeground = (_, _) =>
        {
            string marker = nvt.Variables["NVT_RESTORE_MARKER"];
            markerDuringSsh = File.Exists(marker) ? File.ReadAllText(marker) : null;
            profileDuringSsh = konsole.Current;
            outputDuringSsh = nvt.Output.ToString();
            return 0;
        };
        nvt.ProcessRunner.OnCapture = _ => new CapturedRun(0, "hostname puffin\n", "");
        nvt.Terminal.OutputIsTerminal = true;
    }

    private string MarkerPath => nvt.Variables["NVT_RESTORE_MARKER"];

    [Fact]
    public void Run_ProfileWrittenAfterKonsoleStarted_IsLoadedThenSwitchedToAndBack()
    {
        WriteProfile("Gull");
        Config("[ssh.profiles]\n\"puffin\" = \"Gull\"\n");

        Run("puffin");

        Assert.Equal([Path.Combine(konsoleDirectory, "Gull.profile")], konsole.LoadCalls);
        Assert.Equal([true], konsole.LayoutExisted);
        Assert.Equal("Gull", profileDuringSsh);
        Assert.Equal(["Gull", "Local"], konsole.SetCalls);
        Assert.Empty(Directory.GetFiles(nvt.Variables["XDG_RUNTIME_DIR"], "nvt-empty-layout-*"));
    }

    [Fact]
    public void Run_MarkerNamesTheRestoreDuringSsh_AndIsGoneAfter()
    {
        Run("puffin");

        Assert.Equal($"{Environment.ProcessId}\nprofile=Local\nservice=:1.42\nsession=/Sessions/1\nbus=unix:path=/nonexistent\nundo=None\n", markerDuringSsh);
        Assert.False(File.Exists(MarkerPath));
    }

    [Fact]
    public void Run_ProfileHasNoName_RestoresTheDefaultProfileNotAnEmptyName()
    {
        // After any ESC ] 50 (konsoleprofile) or in a `konsole -e` tab, profile() answers "".
        konsole.Current = "";
        konsole.DefaultProfile = "Local";

        Run("puffin");

        Assert.Equal(["Puffin", "Local"], konsole.SetCalls);
    }

    [Fact]
    public void Run_BackgroundInKonsole_GeneratesAProfileFromTheTabsOne_AndSwitchesToIt()
    {
        WriteProfile("Local", "[Appearance]\nColorScheme=Breeze\nFont=Hack,12\n\n[General]\nName=Local\nParent=FALLBACK/\n");
        Config("[ssh.backgrounds]\n\"gull\" = \"#0a2846\"\n");

        Run("gull");

        string profile = File.ReadAllText(Path.Combine(konsoleDirectory, "nvt-0a2846.profile"));
        Assert.Contains("Font=Hack,12", profile, StringComparison.Ordinal);
        Assert.Contains("Color=10,40,70", File.ReadAllText(Path.Combine(konsoleDirectory, "nvt-0a2846.colorscheme")), StringComparison.Ordinal);
        Assert.Equal("nvt-0a2846", profileDuringSsh);
        Assert.Equal(["nvt-0a2846", "Local"], konsole.SetCalls);
        Assert.Equal("", nvt.Output.ToString());
    }

    [Fact]
    public void Run_LoadingFails_ShowsTheColourWithOsc11AndRestoresWithSetProfile()
    {
        // Konsole 22.12 ignores OSC 111; setProfile(previous) drops an OSC 11 colour.
        konsole.FailLoad = new KonsoleException("CommandLine: UnknownObject", DBusErrors.UnknownObject);
        Config("[ssh.backgrounds]\n\"gull\" = \"#0a2846\"\n");

        Run("gull");

        Assert.Equal("\e]11;#0a2846\a", outputDuringSsh);
        Assert.Equal("\e]11;#0a2846\a", nvt.Output.ToString());
        Assert.Equal(["Local"], konsole.SetCalls);
        Assert.Contains("shown with an escape sequence instead", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ExplicitProfileCannotBeLoaded_ShowsItsSchemeWithOsc50()
    {
        WriteProfile("Gull");
        File.WriteAllText(Path.Combine(konsoleDirectory, "Gull.colorscheme"), "[Background]\nColor=10,40,70\n");
        konsole.FailLoad = new KonsoleException("CommandLine: UnknownMethod", DBusErrors.UnknownMethod);

        Run("--profile", "Gull", "puffin");

        Assert.Equal("\e]50;colors=Gull\a", outputDuringSsh);
        Assert.Equal(["Local"], konsole.SetCalls);
    }

    [Fact]
    public void Run_InKonsoleWithoutDBus_WritesNoBackgroundItCouldNotUndo()
    {
        konsole.FailConnect = new KonsoleException("no bus");
        Config("[ssh.backgrounds]\n\"gull\" = \"#0a2846\"\n");

        Run("gull");

        Assert.Equal("", nvt.Output.ToString());
        Assert.False(File.Exists(MarkerPath));
    }

    [Theory]
    [InlineData("KITTY_WINDOW_ID", "1", "\e]30001\e\\\e]11;#0a2846\a", "\e]30101\e\\", "KittyPop")]
    [InlineData("XTERM_VERSION", "XTerm(379)", "\e[#P\e]11;#0a2846\a", "\e[#Q", "XtermPop")]
    [InlineData("XTERM_VERSION", "XTerm(353)", "\e]11;#0a2846\a", "\e]111\a", "Osc111")]
    [InlineData("TERM", "xterm-256color", "\e]11;#0a2846\a", "\e]111\a", "Osc111")]
    public void Run_OutsideKonsole_PushesAndPopsWhereTheTerminalHasAColourStack(string variable, string value, string before, string after, string undo)
    {
        nvt.Variables.Remove("KONSOLE_DBUS_SERVICE");
        nvt.Variables[variable] = value;
        Config("[ssh.backgrounds]\n\"gull\" = \"#0a2846\"\n");

        Run("gull");

        Assert.Equal(before, outputDuringSsh);
        Assert.Equal(before + after, nvt.Output.ToString());
        Assert.EndsWith($"undo={undo}\n", markerDuringSsh, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_KittyInsideTmux_UsesOsc111()
    {
        nvt.Variables.Remove("KONSOLE_DBUS_SERVICE");
        nvt.Variables["KITTY_WINDOW_ID"] = "1";
        nvt.Variables["TMUX"] = "/tmp/tmux-0/default,1,0";
        Config("[ssh.backgrounds]\n\"gull\" = \"#0a2846\"\n");

        Run("gull");

        Assert.Equal("\e]11;#0a2846\a\e]111\a", nvt.Output.ToString());
    }

    [Fact]
    public void Run_AutoBackground_HostWithoutMappingGetsAStableGeneratedProfile()
    {
        Config("[ssh]\nauto_background = true\n");

        Run("heron");
        string first = profileDuringSsh!;
        Run("heron");

        Assert.StartsWith("nvt-", first, StringComparison.Ordinal);
        Assert.Equal(first, profileDuringSsh);
        Assert.Single(konsole.LoadCalls);
        Assert.Equal([first, "Local", first, "Local"], konsole.SetCalls);
    }

    [Fact]
    public void Run_AutoBackground_MappedHostKeepsItsProfile()
    {
        Config("[ssh]\nauto_background = true\n");

        Run("puffin");

        Assert.Equal("Puffin", profileDuringSsh);
    }

    [Fact]
    public void DryRun_AutoBackground_ShowsTheColourItsContrastAndTheProfile()
    {
        WriteProfile("Local", "[Appearance]\nColorScheme=Breeze\n\n[General]\nName=Local\n");
        Config("[ssh]\nauto_background = true\n");

        Run("--dry-run", "heron");

        string output = nvt.Output.ToString();
        Assert.Matches(@"background: #[0-9a-f]{6} \(auto_background: hue \d+ from 'heron', contrast \d+\.\d:1 with foreground #fcfcfc; shown through profile nvt-[0-9a-f]{6}, made from Local if it does not exist\)", output);
        Assert.Matches(@"profile: nvt-[0-9a-f]{6} \(nvt's, for the background below\)", output);
        Assert.Empty(konsole.SetCalls);
        Assert.Equal([Path.Combine(konsoleDirectory, "Local.profile")], Directory.GetFiles(konsoleDirectory));
    }

    [Fact]
    public void DryRun_AutoBackgroundOutsideKonsole_IsOsc11AgainstTheAssumedForeground()
    {
        nvt.Variables.Remove("KONSOLE_DBUS_SERVICE");
        Config("[ssh]\nauto_background = true\n");

        Run("--dry-run", "heron");

        Assert.Matches(@"background: #[0-9a-f]{6} \(auto_background: .* with foreground #c0c0c0; OSC 11\)", nvt.Output.ToString());
    }

    public void Dispose() => nvt.Dispose();

    private void Run(params string[] args)
    {
        nvt.ResetOutput();
        SshCommand.Run(nvt, SshCommand.TryParse(["ssh", .. args])!, konsole);
    }

    private void Config(string toml) => File.WriteAllText(nvt.Variables["NVT_CONFIG"], toml);

    private void WriteProfile(string name, string? text = null) =>
        File.WriteAllText(Path.Combine(konsoleDirectory, name + ".profile"), text ?? $"[Appearance]\nColorScheme={name}\n\n[General]\nName={name}\n");
}
