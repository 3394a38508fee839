using System.Diagnostics;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// The published nvt against a private dbus-daemon with a test Konsole of Konsole's exact interface, and a stand-in
/// ssh on PATH. The profile seen during ssh is what another D-Bus client (dbus-send, run by the stand-in ssh) reads
/// from the tab; the order of setProfile calls is what the test Konsole recorded.
/// </summary>
public sealed class SshKonsoleTests
{
    private const string Config = """
        [ssh]
        default_profile = "Default"

        [ssh.profiles]
        "puffin" = "Puffin"
        "*.prod.example.com" = "Danger"
        "ghost" = "NoSuchProfile"

        [ssh.backgrounds]
        "puffin" = "#2b1b1b"

        [keys]
        later = "settings of other commands are ignored"
        """;

    [Fact]
    public async Task Ssh_ConfiguredHost_SwitchesDuringSshAndRestoresAfter()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.WriteConfig(Config);

        var result = bed.Run("ssh", "puffin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Puffin", bed.ProfileDuringSsh);
        Assert.Equal(["setProfile(Puffin)", "setProfile(Local)"], bed.Konsole!.SetProfileCalls);
        Assert.Equal("Local", bed.Konsole.CurrentProfile);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Ssh_ArgumentsWithOptionsCommandDoubleDashAndAtFile_ReachSshByteForByte()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        string[] sshArgs = ["-p", "2222", "-J", "jump", "-L8080:localhost:80", "puffin", "ls", "-la", "--", "-h", "@file", "two words", "--profile", "x", "é\t$HOME"];

        var result = bed.Run(["ssh", .. sshArgs]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(sshArgs, bed.SshArgv);
        Assert.Equal("Puffin", bed.ProfileDuringSsh);
    }

    [Fact]
    public async Task Ssh_DoubleDashBeforeSshArguments_IsDroppedAndTheRestPassedOn()
    {
        using var bed = await SshTestBed.InKonsoleAsync();

        var result = bed.Run("ssh", "--quiet", "--", "-h", "--dry-run", "puffin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["-h", "--dry-run", "puffin"], bed.SshArgv);
    }

    [Theory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 1", 1)]
    [InlineData("exit 255", 255)]
    [InlineData("kill", 137)]
    public async Task Ssh_ExitStatus_IsPassedThroughAndProfileRestored(string behaviour, int expected)
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.Home.Variables["FAKE_SSH"] = behaviour;

        var result = bed.Run("ssh", "puffin");

        Assert.Equal(expected, result.ExitCode);
        Assert.Equal("Puffin", bed.ProfileDuringSsh);
        Assert.Equal(["setProfile(Puffin)", "setProfile(Local)"], bed.Konsole!.SetProfileCalls);
    }

    [Theory]
    [InlineData("TERM", false, 143)]
    [InlineData("HUP", false, 129)]
    [InlineData("INT", true, 130)]
    public async Task Ssh_Signal_RestoresProfileAndExitsWithSshStatus(string signal, bool toWholeGroup, int expected)
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.Home.Variables["FAKE_SSH"] = "sleep";
        using var nvt = bed.StartInOwnGroup("ssh", "puffin");
        bed.WaitForSleepingSsh();
        Assert.Equal("Puffin", bed.Konsole!.CurrentProfile);

        // SIGTERM/SIGHUP to nvt alone (nvt forwards them); SIGINT to the whole group, as Ctrl-C in a terminal.
        SshTestBed.Signal(toWholeGroup ? -nvt.Id : nvt.Id, signal);
        var result = SshTestBed.Finish(nvt);

        Assert.Equal(expected, result.ExitCode);
        Assert.Equal(["setProfile(Puffin)", "setProfile(Local)"], bed.Konsole.SetProfileCalls);
        Assert.Equal("Local", bed.Konsole.CurrentProfile);
    }

    [Fact]
    public async Task Ssh_SshKilledFromOutside_RestoresProfile()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.Home.Variables["FAKE_SSH"] = "sleep";
        using var nvt = bed.StartInOwnGroup("ssh", "puffin");
        int ssh = bed.WaitForSleepingSsh();

        SshTestBed.Signal(ssh, "KILL");
        var result = SshTestBed.Finish(nvt);

        Assert.Equal(137, result.ExitCode);
        Assert.Equal("Local", bed.Konsole!.CurrentProfile);
    }

    [Fact]
    public async Task Ssh_ProfileNamedLikeAlias_IsChosenIgnoringCase()
    {
        using var bed = await SshTestBed.InKonsoleAsync();

        var result = bed.Run("ssh", "bob@DANGER");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Danger", bed.ProfileDuringSsh);
        Assert.Equal(["setProfile(Danger)", "setProfile(Local)"], bed.Konsole!.SetProfileCalls);
    }

    [Fact]
    public async Task Ssh_ResolvedHostNameMatchesGlob_UsesThatProfile()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.WriteConfig(Config);
        bed.Home.Variables["FAKE_SSH_HOSTNAME"] = "db3.prod.example.com";

        var result = bed.Run("ssh", "-p", "2222", "db");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Danger", bed.ProfileDuringSsh);
        Assert.Equal(["-G", "-p", "2222", "db"], bed.ResolveArgv);
    }

    [Fact]
    public async Task Ssh_NothingMatches_UsesDefaultProfile()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.WriteConfig(Config);

        var result = bed.Run("ssh", "elsewhere");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Default", bed.ProfileDuringSsh);
        Assert.Equal("Local", bed.Konsole!.CurrentProfile);
    }

    [Fact]
    public async Task Ssh_NvtConfigVariable_PointsToAnotherFile()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        string other = Path.Combine(bed.Home.Root, "other.toml");
        File.WriteAllText(other, "[ssh.profiles]\n\"elsewhere\" = \"Puffin\"\n");
        bed.Home.Variables["NVT_CONFIG"] = other;

        var result = bed.Run("ssh", "elsewhere");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Puffin", bed.ProfileDuringSsh);
    }

    [Fact]
    public async Task Ssh_UnknownProfile_WarnsOnceAndRunsSshWithoutSwitching()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.WriteConfig(Config);

        var result = bed.Run("ssh", "ghost");

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(bed.SshArgv);
        Assert.Equal("Local", bed.ProfileDuringSsh);
        Assert.Empty(bed.Konsole!.SetProfileCalls);
        Assert.Equal("nvt: Konsole has no profile named 'NoSuchProfile' (chosen by [ssh.profiles] \"ghost\"); the profile stays as it is\n", result.Stderr);
    }

    [Fact]
    public async Task Ssh_ProfileOption_Wins()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.WriteConfig(Config);

        var result = bed.Run("ssh", "--profile", "Danger", "puffin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Danger", bed.ProfileDuringSsh);
    }

    [Fact]
    public async Task Ssh_NoSwitch_LeavesTheTabAlone()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.WriteConfig(Config);

        var result = bed.Run("ssh", "--no-switch", "puffin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Local", bed.ProfileDuringSsh);
        Assert.Empty(bed.Konsole!.SetProfileCalls);
        Assert.Null(bed.ResolveArgv);
    }

    [Fact]
    public async Task Ssh_AccessDeniedButApplied_CountsAsSwitchedAndRestores()
    {
        using var bed = await SshTestBed.InKonsoleAsync(KonsoleMode.AccessDeniedAfterSwitch);

        var result = bed.Run("ssh", "puffin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Puffin", bed.ProfileDuringSsh);
        Assert.Equal(["setProfile(Puffin)", "setProfile(Local)"], bed.Konsole!.SetProfileCalls);
        Assert.Equal("Local", bed.Konsole.CurrentProfile);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Ssh_OldKonsoleWithoutProfileMethod_RestoresTheDefaultProfile()
    {
        using var bed = await SshTestBed.InKonsoleAsync(KonsoleMode.NoProfileMethod, currentProfile: "Local");
        bed.Konsole!.DefaultProfile = "Local";
        bed.Home.Variables["FAKE_SSH"] = "exit 3";

        var result = bed.Run("ssh", "puffin");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["setProfile(Puffin)", "setProfile(Local)"], bed.Konsole.SetProfileCalls);
        Assert.Contains("defaultProfile()", bed.Konsole.Calls);
        Assert.Equal("Local", bed.Konsole.CurrentProfile);
    }

    [Fact]
    public async Task Ssh_DryRun_PrintsThePlanAndRunsNothing()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.WriteConfig(Config);

        var result = bed.Run("ssh", "--dry-run", "-p", "2222", "puffin", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Null(bed.SshArgv);
        Assert.Empty(bed.Konsole!.SetProfileCalls);
        Assert.Contains("host: puffin", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("profile: Puffin (from [ssh.profiles] \"puffin\")", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"konsole: {bed.Konsole.UniqueName} /Sessions/1 on {bed.Bus!.Address}, current profile Local", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"command: {bed.BinDirectory}/ssh -p 2222 puffin ls", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssh_OutsideKonsole_RunsSshSilently()
    {
        using var bed = SshTestBed.OutsideKonsole();
        bed.Home.Variables["FAKE_SSH"] = "exit 5";

        var result = bed.Run("ssh", "-p", "2222", "puffin", "uptime");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal(["-p", "2222", "puffin", "uptime"], bed.SshArgv);
        Assert.Equal("", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Ssh_OutsideKonsoleVerbose_SaysWhyNoSwitch()
    {
        using var bed = SshTestBed.OutsideKonsole();

        var result = bed.Run("ssh", "--verbose", "puffin");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not in a Konsole tab", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ssh_BusUnreachable_RunsSshUnchanged()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.Home.Variables["DBUS_SESSION_BUS_ADDRESS"] = bed.Bus!.DeadAddress;
        bed.Home.Variables["FAKE_SSH"] = "exit 4";

        var result = bed.Run("ssh", "puffin");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal(["puffin"], bed.SshArgv);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Ssh_KonsoleGone_RunsSshUnchanged()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.Home.Variables["KONSOLE_DBUS_SERVICE"] = ":1.9999";

        var result = bed.Run("ssh", "puffin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["puffin"], bed.SshArgv);
        Assert.Empty(bed.Konsole!.Calls);
    }

    [Fact]
    public void Ssh_BadConfig_NamesFileLineAndColumnAndStillRunsSsh()
    {
        using var bed = SshTestBed.OutsideKonsole();
        bed.WriteConfig("[ssh.profiles]\n\"puffin\" = \n");

        var result = bed.Run("ssh", "puffin");

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(bed.SshArgv);
        Assert.Matches(@"^nvt: .*/\.config/nvt/config\.toml:2:\d+: .*\(the configuration is ignored\)\n$", result.Stderr);
    }

    [Fact]
    public void Ssh_NoSshOnPath_Exits127()
    {
        using var bed = SshTestBed.OutsideKonsole();
        bed.Home.Variables["PATH"] = bed.Home.Root + "/nothing-here";

        var result = bed.Run("ssh", "puffin");

        Assert.Equal(127, result.ExitCode);
        Assert.Equal("nvt: ssh not found on PATH (install the openssh-client package)\n", result.Stderr);
    }

    [Fact]
    public void Ssh_RemoteCommandOnATerminal_SwitchesButDoesNotWelcomeBack()
    {
        using var bed = SshTestBed.OutsideKonsole();
        bed.WriteConfig(Config);
        string written = RunInScript(bed, "ssh puffin true");
        Assert.Contains("\e]11;#2b1b1b\a", written, StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome back!", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssh_NothingSwitched_DoesNotWelcomeBack()
    {
        using var bed = SshTestBed.OutsideKonsole();
        string written = RunInScript(bed, "ssh puffin");
        Assert.DoesNotContain("\e]11;", written, StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome back!", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssh_BackgroundOutsideKonsole_WritesOsc11BeforeAndOsc111AfterOnATerminal()
    {
        using var bed = SshTestBed.OutsideKonsole();
        bed.WriteConfig(Config);
        string written = RunInScript(bed, "ssh puffin");
        int set = written.IndexOf("\e]11;#2b1b1b\a", StringComparison.Ordinal);
        int reset = written.IndexOf("\e]111\a", StringComparison.Ordinal);
        Assert.True(set >= 0, "no OSC 11 in: " + written);
        Assert.True(reset > set, "no OSC 111 after OSC 11 in: " + written);
        Assert.Contains("Welcome back!", written[reset..], StringComparison.Ordinal);
    }

    /// <summary>Runs nvt under script(1), which gives it a pseudo-terminal and records what was written to it.</summary>
    private static string RunInScript(SshTestBed bed, string nvtArguments)
    {
        string transcript = Path.Combine(bed.Home.Root, "typescript");
        var start = new ProcessStartInfo("script", ["-q", "-e", "-c", $"'{Infrastructure.NvtBinary.Path}' {nvtArguments}", transcript])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = bed.Home.Home,
        };
        start.Environment.Clear();
        start.Environment["HOME"] = bed.Home.Home;
        foreach (var (name, value) in bed.Home.Variables)
        {
            start.Environment[name] = value;
        }

        using var script = Process.Start(start)!;
        script.StandardInput.Close();
        _ = script.StandardOutput.ReadToEnd();
        Assert.True(script.WaitForExit(20_000));

        Assert.Equal(0, script.ExitCode);
        return File.ReadAllText(transcript);
    }
}
