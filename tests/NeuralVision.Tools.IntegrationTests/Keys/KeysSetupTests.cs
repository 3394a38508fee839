using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// `nvt keys setup` from an account with no ~/.ssh to a working `ssh NAME`, through the published binary, against a
/// real sshd, as a local user whose passwd home is the test HOME; checked afterwards with the real ssh in BatchMode.
/// </summary>
public sealed class KeysSetupTests
{
    private const string Passphrase = "setup test pass phrase";

    [Fact]
    public void Setup_FreshAccount_SshAliasLogsInWithTheKeyAloneAndASecondRunChangesNothing()
    {
        using var bed = new KeySetupBed();
        Assert.False(Directory.Exists(bed.SshDirectory));

        var first = bed.Setup("--alias", "puffin", "--accept-new", "--no-passphrase");

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        string key = Path.Combine(bed.SshDirectory, "id_rsa");
        Assert.Equal($"""
            Host puffin
                HostName 127.0.0.1
                User {bed.Server.UserName}
                Port {bed.Server.Port}
                IdentityFile ~/.ssh/id_rsa
                IdentitiesOnly yes

            """, File.ReadAllText(bed.ConfigPath));
        Assert.Equal("600", Stat("%a", bed.ConfigPath));
        Assert.Equal("600", Stat("%a", key));
        Assert.Equal("700", Stat("%a", bed.SshDirectory));
        Assert.Equal(bed.User.Name, Stat("%U", bed.ConfigPath));
        Assert.Contains("Generating public/private rsa key pair.", first.Stdout);
        Assert.Contains("Number of key(s) added: 1", first.Stdout);
        Assert.Contains("Checked: ssh puffin logs in with the key alone", first.Stdout);
        Assert.EndsWith("Now: ssh puffin\n", first.Stdout, StringComparison.Ordinal);
        Assert.Equal([$"({bed.Server.UserName}@127.0.0.1) Password: "], bed.AskpassPrompts);
        Assert.DoesNotContain(bed.Server.Password, first.Stdout + first.Stderr);

        // What the person runs next: ssh's own ~ is this HOME, so no -F and no -i are needed.
        var ssh = bed.Ssh("puffin");
        Assert.True(ssh.ExitCode == 0, ssh.Stderr);

        byte[] config = File.ReadAllBytes(bed.ConfigPath);
        byte[] authorized = bed.RemoteFile()!;
        byte[] knownHosts = File.ReadAllBytes(bed.KnownHostsPath);
        byte[] privateKey = File.ReadAllBytes(key);
        File.Delete(bed.AskpassLog);

        var second = bed.Setup("--alias", "puffin", "--accept-new", "--no-passphrase");

        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Equal(config, File.ReadAllBytes(bed.ConfigPath));
        Assert.Equal(authorized, bed.RemoteFile());
        Assert.Equal(knownHosts, File.ReadAllBytes(bed.KnownHostsPath));
        Assert.Equal(privateKey, File.ReadAllBytes(key));
        Assert.Contains("The key was already installed", second.Stdout);
        Assert.Contains("already has the block for puffin", second.Stderr);
        Assert.Empty(bed.AskpassPrompts);
    }

    [Fact]
    public void Setup_EncryptedKeyAndAnAgent_AddsTheKeyAndSshLogsInThroughTheAgent()
    {
        using var bed = new KeySetupBed();
        using var agent = new SshAgent(Path.Combine(bed.Home.Home, "agent.sock"), bed.User.Name);
        bed.Variables["SSH_AUTH_SOCK"] = agent.SocketPath;

        var result = bed.Setup("-t", "ed25519", "-N", Passphrase, "--accept-new");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        string key = Path.Combine(bed.SshDirectory, "id_ed25519");
        Assert.Contains($"Identity added: {key} (", result.Stderr);
        Assert.EndsWith("Now: ssh 127.0.0.1\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Host 127.0.0.1\n", File.ReadAllText(bed.ConfigPath));
        // The key is encrypted: ssh logs in without asking because the agent holds it.
        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----", File.ReadAllText(key), StringComparison.Ordinal);
        Assert.Contains("(ED25519)", agent.List());
        Assert.Equal(0, bed.Ssh("127.0.0.1").ExitCode);
        Assert.Equal([$"({bed.Server.UserName}@127.0.0.1) Password: "], bed.AskpassPrompts);
    }

    [Fact]
    public void Setup_WorldWritableRemoteHome_NamesTheReasonAndTheFixAndWorksOnceFixed()
    {
        using var bed = new KeySetupBed();
        // World-writable: refused by every sshd, also Debian's (which allows a group-writable home with a private group).
        File.SetUnixFileMode(bed.Server.Home, (UnixFileMode)0b111_101_111);

        var broken = bed.Setup("--alias", "puffin", "--accept-new", "--no-passphrase");

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"nvt: on 127.0.0.1, {bed.Server.Home} is writable by everyone (mode 0757), so sshd's StrictModes ignores the keys under it", broken.Stderr);
        Assert.Contains("Fix it on the server with:\n  chmod go-w ~\n", broken.Stderr);
        Assert.Contains("(from here: ssh puffin 'chmod go-w ~', which asks for the password)", broken.Stderr);
        Assert.Contains($"Authentication refused: bad ownership or modes for directory {bed.Server.Home}", bed.Server.Log);
        Assert.Contains("Number of key(s) added: 1", broken.Stdout);
        // The password that installed the key was reused for the diagnosis: asked once.
        Assert.Single(bed.AskpassPrompts);

        File.SetUnixFileMode(bed.Server.Home, (UnixFileMode)0b111_101_101);
        var fixedRun = bed.Setup("--alias", "puffin", "--accept-new", "--no-passphrase");

        Assert.True(fixedRun.ExitCode == 0, fixedRun.Stdout + fixedRun.Stderr);
        Assert.Equal(0, bed.Ssh("puffin").ExitCode);
    }

    [Fact]
    public void Setup_ACoveringHostBlock_IsLeftAloneWithANoteAndEveryByteKept()
    {
        using var bed = new KeySetupBed();
        Directory.CreateDirectory(bed.SshDirectory);
        byte[] before = Encoding.UTF8.GetBytes($"# mine\r\nServerAliveInterval 30\n\n# the web server\nHost puffin web\n  HostName 127.0.0.1\n  Port {bed.Server.Port}\n  User {bed.Server.UserName}\n\nHost *\n  ForwardAgent no");
        File.WriteAllBytes(bed.ConfigPath, before);
        bed.User.Own(bed.SshDirectory);

        var result = bed.Setup("--alias", "puffin", "--accept-new", "--no-passphrase");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(bed.ConfigPath));
        Assert.Contains($"nvt: {bed.ConfigPath} line 5 (Host puffin web) already covers puffin; left alone, and checked as it is", result.Stderr);
        Assert.Equal(0, bed.Ssh("puffin").ExitCode);
    }

    [Fact]
    public void Setup_ExistingConfig_TheBlockGoesBeforeTheFirstHostAndEveryOtherByteIsKept()
    {
        using var bed = new KeySetupBed();
        Directory.CreateDirectory(bed.SshDirectory);
        string before = "ServerAliveInterval 30\r\n\n# defaults for everything\nHost *\n  User nobody-at-all\n";
        File.WriteAllText(bed.ConfigPath, before);
        bed.User.Own(bed.SshDirectory);

        var result = bed.Setup("--alias", "puffin", "--accept-new", "--no-passphrase");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        string after = File.ReadAllText(bed.ConfigPath);
        Assert.StartsWith("ServerAliveInterval 30\r\n\nHost puffin\n", after, StringComparison.Ordinal);
        Assert.EndsWith("    IdentitiesOnly yes\n\n# defaults for everything\nHost *\n  User nobody-at-all\n", after, StringComparison.Ordinal);
        // Before `Host *`, so its User does not win over the block's (ssh takes the first value).
        Assert.Equal(0, bed.Ssh("puffin").ExitCode);
    }

    [Fact]
    public void Setup_HomeIsNotThePasswdHome_TheCheckAndTheHintNameTheFilesNvtUsed()
    {
        // nvt runs as root with a temporary HOME: ssh's own ~ is /root, so plain `ssh puffin` would read another config.
        using var bed = new KeyCopyBed();
        string config = Path.Combine(bed.SshDirectory, "config");

        var result = bed.Home.RunWithoutTerminal("keys", "setup", "-p", bed.Server.PortText, "--alias", "puffin", "--no-passphrase", bed.Destination);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains($"    IdentityFile {bed.SshDirectory}/id_rsa\n", File.ReadAllText(config));
        Assert.EndsWith($"Now: ssh -F '{config}' -o 'UserKnownHostsFile={bed.KnownHostsPath}' puffin\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, ChildProcess.Run("ssh", ["-F", config, "-o", "UserKnownHostsFile=" + bed.KnownHostsPath, "-o", "BatchMode=yes", "puffin", "true"]).ExitCode);
    }

    private static string Stat(string format, string path) => TestSshd.Run("stat", "-c", format, path).Trim();
}
