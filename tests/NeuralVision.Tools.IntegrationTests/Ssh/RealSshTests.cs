using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// The real OpenSSH client (the first ssh on PATH, /usr/bin/ssh) against a real sshd on 127.0.0.1, with the test
/// Konsole on a private bus. The remote command runs on this machine, so it can ask the test Konsole which profile
/// the tab shows while the ssh session is open.
/// </summary>
public sealed class RealSshTests
{
    [Fact]
    public async Task Ssh_RealSession_SwitchesDuringItRestoresAfterAndPassesTheStatus()
    {
        using var server = new TestSshd(new TestSshdOptions(ThrowawayUser: false));
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.Home.Variables["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        bed.WriteConfig("[ssh.profiles]\n\"127.0.0.*\" = \"Puffin\"\n");
        string remote = $"DBUS_SESSION_BUS_ADDRESS='{bed.Bus!.Address}' dbus-send --session --print-reply=literal " +
            $"--dest='{bed.Konsole!.UniqueName}' /Sessions/1 org.kde.konsole.Session.profile; exit 7";

        var result = bed.Run(["ssh", .. server.ClientOptions, Environment.UserName + "@127.0.0.1", remote]);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("Puffin", result.Stdout.Trim());
        Assert.Equal(["setProfile(Puffin)", "setProfile(Local)"], bed.Konsole.SetProfileCalls);
        Assert.Equal("Local", bed.Konsole.CurrentProfile);
    }

    [Fact]
    public async Task Ssh_RealSshCannotConnect_Exits255AndRestores()
    {
        using var server = new TestSshd(new TestSshdOptions(ThrowawayUser: false));
        using var bed = await SshTestBed.InKonsoleAsync();
        bed.Home.Variables["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        string[] options = [.. server.ClientOptions];
        options[Array.IndexOf(options, "-i") + 1] = server.HostKeyPath("ed25519"); // a key the server does not accept

        var result = bed.Run(["ssh", "--profile", "Danger", .. options, Environment.UserName + "@127.0.0.1", "true"]);

        Assert.Equal(255, result.ExitCode);
        Assert.Equal(["setProfile(Danger)", "setProfile(Local)"], bed.Konsole!.SetProfileCalls);
        Assert.Equal("Local", bed.Konsole.CurrentProfile);
    }
}
