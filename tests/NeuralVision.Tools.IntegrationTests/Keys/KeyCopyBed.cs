using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// One `nvt keys copy` scene: a real sshd with a throwaway user, a client HOME with a key pair made by `nvt keys gen`,
/// and an SSH_ASKPASS script that answers with the password from a 0600 file and logs every prompt it was shown. nvt
/// runs without a controlling terminal, with SSH_ASKPASS_REQUIRE=force, as the tests ask.
/// </summary>
internal sealed class KeyCopyBed : IDisposable
{
    public KeyCopyBed(TestSshdOptions? options = null)
    {
        Home = new TempHome();
        Server = new TestSshd(options);
        SshDirectory = Path.Combine(Home.Home, ".ssh");
        var generated = Home.Run("keys", "gen", "-t", "ed25519", "--no-passphrase", "-C", "nvt-test-client");
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        KeyPath = Path.Combine(SshDirectory, "id_ed25519");

        PasswordFile = Path.Combine(Home.Root, "password");
        AskpassLog = Path.Combine(Home.Root, "askpass.log");
        SetPassword(Server.Password);
        string askpass = Path.Combine(Home.Root, "askpass");
        PassphraseFile = Path.Combine(Home.Root, "passphrase");
        AskpassScript.Write(askpass, AskpassLog, PasswordFile, PassphraseFile);
        Home.Variables["SSH_ASKPASS"] = askpass;
        Home.Variables["SSH_ASKPASS_REQUIRE"] = "force";

        KnownHostsPath = Path.Combine(SshDirectory, "known_hosts");
        TrustServer();
    }

    public TempHome Home { get; }

    public TestSshd Server { get; }

    public string SshDirectory { get; }

    public string KeyPath { get; }

    public string PublicKeyLine => File.ReadAllText(KeyPath + ".pub").TrimEnd('\n');

    public string PasswordFile { get; }

    public string AskpassLog { get; }

    /// <summary>What SSH_ASKPASS answers to "Enter passphrase for key …" prompts.</summary>
    public string PassphraseFile { get; }

    public string KnownHostsPath { get; }

    public string Destination => $"{Server.UserName}@127.0.0.1";

    /// <summary>The prompts SSH_ASKPASS was shown, in order.</summary>
    public string[] AskpassPrompts => File.Exists(AskpassLog) ? File.ReadAllLines(AskpassLog) : [];

    /// <summary>The answers to the password prompts, in order; the last one answers every later prompt.</summary>
    public void SetPassword(params string[] passwords)
    {
        File.WriteAllText(PasswordFile, string.Join("\n", passwords) + "\n");
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>known_hosts holds the server's real keys (both types it offers), as after an earlier ssh.</summary>
    public void TrustServer() =>
        File.WriteAllText(KnownHostsPath, Server.KnownHostsLine("ed25519") + "\n" + Server.KnownHostsLine("ecdsa") + "\n");

    /// <summary>`nvt keys copy -p PORT ARGS... user@127.0.0.1`, without a terminal.</summary>
    public ProcessResult Copy(params string[] args) =>
        Home.RunWithoutTerminal(["keys", "copy", "-p", Server.PortText, .. args, Destination]);

    public byte[]? RemoteFile() => File.Exists(Server.AuthorizedKeysPath) ? File.ReadAllBytes(Server.AuthorizedKeysPath) : null;

    /// <summary>Asserts the layout sshd's StrictModes needs: ~/.ssh 0700 and authorized_keys 0600, both the user's.</summary>
    public void AssertRemoteModes()
    {
        string sshDirectory = Path.GetDirectoryName(Server.AuthorizedKeysPath)!;
        Assert.Equal("700", Stat("%a", sshDirectory));
        Assert.Equal("600", Stat("%a", Server.AuthorizedKeysPath));
        Assert.Equal(Server.UserName, Stat("%U", sshDirectory));
        Assert.Equal(Server.UserName, Stat("%U", Server.AuthorizedKeysPath));
    }

    /// <summary>The real ssh logs in with the key alone (BatchMode: no password could be asked).</summary>
    public int SshWithKey(string? keyPath = null) => ChildProcess.Run("ssh",
    [
        "-F", "/dev/null", "-i", keyPath ?? KeyPath, "-p", Server.PortText,
        "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=yes",
        "-o", "UserKnownHostsFile=" + KnownHostsPath, "-o", "LogLevel=ERROR",
        Destination, "true",
    ]).ExitCode;

    public void Dispose()
    {
        Server.Dispose();
        Home.Dispose();
    }

    private static string Stat(string format, string path) =>
        TestSshd.Run("stat", "-c", format, path).Trim();

    public static string Text(byte[]? bytes) => bytes is null ? "<missing>" : System.Text.Encoding.UTF8.GetString(bytes);

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
