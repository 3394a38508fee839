using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// `nvt keys setup` with a hostile or broken ~/.ssh/config: one line on stderr, the documented exit code, and nothing
/// made or changed before it (no key generated, nothing installed on the server, the file and its target untouched).
/// </summary>
public sealed class KeysSetupHostileTests
{
    [Fact]
    public void Setup_ConfigIsALinkToSomeoneElsesFile_RefusedBeforeAnythingIsMade()
    {
        if (!TempHome.IsRoot)
        {
            return; // needs root to give the target to another user; CI runs the suite as root
        }

        using var bed = new KeyCopyBed();
        string target = Path.Combine(bed.Home.Root, "precious");
        File.WriteAllText(target, "Host elsewhere\n  User someone\n");
        TestSshd.Run("chown", "nobody:", target);
        string config = Path.Combine(bed.SshDirectory, "config");
        File.CreateSymbolicLink(config, target);
        var before = (File.ReadAllText(target), File.GetLastWriteTimeUtc(target));

        var result = bed.Home.RunWithoutTerminal("keys", "setup", "-p", bed.Server.PortText, "--no-passphrase", bed.Destination);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"nvt: {config} is a symbolic link to {target}, which belongs to user id 65534, not to you; nvt does not write through it\n", result.Stderr);
        Assert.Equal(before, (File.ReadAllText(target), File.GetLastWriteTimeUtc(target)));
        Assert.Equal(target, new FileInfo(config).LinkTarget);
        Assert.False(File.Exists(Path.Combine(bed.SshDirectory, "id_rsa")));
        Assert.Null(bed.RemoteFile());
        Assert.Empty(bed.AskpassPrompts);
    }

    [Fact]
    public void Setup_ConfigSshRefuses_OneLineWithSshsReasonAndNoKeyMade()
    {
        using var bed = new KeyCopyBed();
        string config = Path.Combine(bed.SshDirectory, "config");
        byte[] broken = "Hostt puffin\n"u8.ToArray();
        File.WriteAllBytes(config, broken);

        // -F: nvt runs as root with a temporary HOME, where ssh's own ~ would be /root.
        var result = bed.Home.RunWithoutTerminal("keys", "setup", "-F", config, "-p", bed.Server.PortText, "--no-passphrase", bed.Destination);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"nvt: ssh could not read its configuration for 127.0.0.1: {config}: line 1: Bad configuration option: hostt\n", result.Stderr);
        Assert.Equal(broken, File.ReadAllBytes(config));
        Assert.False(File.Exists(Path.Combine(bed.SshDirectory, "id_rsa")));
        Assert.Null(bed.RemoteFile());
        Assert.Empty(bed.AskpassPrompts);
    }
}
