using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// The published nvt against the test Konsole on a private bus: profiles written after Konsole started, loaded with
/// KDBusService's CommandLine; and the marker a killed `nvt ssh` leaves, which `nvt profiles restore` acts on.
/// </summary>
public sealed class SshRestoreTests
{
    [Fact]
    public async Task ProfilesCreate_InKonsole_LoadsItAndTheNextSshUsesIt()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.Home.Variables["XDG_RUNTIME_DIR"] = bed.Home.MakeDirectory("run");

        var created = bed.Run("profiles", "create", "Gull", "--background", "#0a2846", "--host", "gull");
        var ssh = bed.Run("ssh", "gull");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("loaded into this Konsole", created.Stdout, StringComparison.Ordinal);
        Assert.Contains(bed.Konsole!.Calls, call => call.StartsWith("CommandLine(", StringComparison.Ordinal) && call.EndsWith("/konsole/Gull.profile)", StringComparison.Ordinal));
        Assert.Equal(0, ssh.ExitCode);
        Assert.Equal("Gull", bed.ProfileDuringSsh);
        Assert.Equal(["setProfile(Gull)", "setProfile(Local)"], bed.Konsole.SetProfileCalls);
        Assert.Empty(Directory.GetFiles(bed.Home.Variables["XDG_RUNTIME_DIR"]));
    }

    [Fact]
    public async Task Ssh_KonsoleWithoutKDBusService_WarnsAndLeavesTheTab()
    {
        using var bed = await SshTestBed.InKonsoleAsync(KonsoleMode.NoKDBusService);
        Assert.Equal(0, bed.Run("profiles", "create", "Gull", "--background", "#0a2846", "--host", "gull").ExitCode);

        // Not on a terminal, so no escape sequence can stand in for the profile either.
        var ssh = bed.Run("ssh", "gull");

        Assert.Equal(0, ssh.ExitCode);
        Assert.Contains("Konsole could not be asked to load", ssh.Stderr, StringComparison.Ordinal);
        Assert.Contains("the profile stays as it is", ssh.Stderr, StringComparison.Ordinal);
        Assert.Empty(bed.Konsole!.SetProfileCalls);
    }

    [Fact]
    public async Task Ssh_KilledWithSigkill_LeavesTheMarker_ThenProfilesRestoreSetsTheProfileBack()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        string marker = Path.Combine(bed.Home.Root, "nvt-restore.1");
        bed.Home.Variables["NVT_RESTORE_MARKER"] = marker;
        bed.Home.Variables["FAKE_SSH"] = "sleep";
        var nvt = bed.StartInOwnGroup("ssh", "puffin");
        int ssh = bed.WaitForSleepingSsh();

        Assert.Equal("Puffin", bed.Konsole!.CurrentProfile);
        Assert.StartsWith(nvt.Id + "\nprofile=Local\n", File.ReadAllText(marker), StringComparison.Ordinal);
        SshTestBed.Signal(nvt.Id, "KILL");
        Assert.True(nvt.WaitForExit(10_000));
        Assert.Equal("Puffin", bed.Konsole.CurrentProfile);

        var restore = bed.Run("profiles", "restore");

        Assert.Equal(0, restore.ExitCode);
        Assert.Equal($"nvt: restored profile 'Local': nvt ssh (pid {nvt.Id}) ended without restoring it\n", restore.Stderr);
        Assert.Equal("Local", bed.Konsole.CurrentProfile);
        Assert.False(File.Exists(marker));
        SshTestBed.Signal(ssh, "TERM");
    }

    [Fact]
    public async Task Ssh_Normally_RemovesItsMarker()
    {
        using var bed = await SshTestBed.InKonsoleAsync();
        string marker = Path.Combine(bed.Home.Root, "nvt-restore.1");
        bed.Home.Variables["NVT_RESTORE_MARKER"] = marker;

        Assert.Equal(0, bed.Run("ssh", "puffin").ExitCode);

        Assert.False(File.Exists(marker));
        Assert.Equal(["setProfile(Puffin)", "setProfile(Local)"], bed.Konsole!.SetProfileCalls);
    }
}
