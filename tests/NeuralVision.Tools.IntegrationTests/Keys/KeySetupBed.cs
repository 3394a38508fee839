using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// One `nvt keys setup` scene: a real sshd with a throwaway server user, and a throwaway local user whose passwd home
/// is a fresh test HOME with no ~/.ssh, so the ssh the tests run afterwards (`ssh NAME true`, BatchMode) reads the
/// ~/.ssh/config nvt wrote, as it would for a real user. nvt runs as that user without a terminal; the server's
/// password comes from an SSH_ASKPASS script that logs every prompt it is shown.
/// </summary>
internal sealed class KeySetupBed : IDisposable
{
    public KeySetupBed(TestSshdOptions? options = null)
    {
        Home = new TempHome();
        Server = new TestSshd(options);
        User = new LocalUser(Home.Home);
        string secrets = Path.Combine(Home.Root, "askpass.d");
        Directory.CreateDirectory(secrets);
        PasswordFile = Path.Combine(secrets, "password");
        PassphraseFile = Path.Combine(secrets, "passphrase");
        AskpassLog = Path.Combine(secrets, "askpass.log");
        Askpass = Path.Combine(secrets, "askpass");
        File.WriteAllText(PasswordFile, Server.Password + "\n");
        File.WriteAllText(PassphraseFile, "\n");
        AskpassScript.Write(Askpass, AskpassLog, PasswordFile, PassphraseFile);
        User.Own(secrets);
        File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public TempHome Home { get; }

    public TestSshd Server { get; }

    public LocalUser User { get; }

    public string PasswordFile { get; }

    public string PassphraseFile { get; }

    public string AskpassLog { get; }

    public string Askpass { get; }

    /// <summary>Variables for nvt beyond PATH, HOME and USER (SSH_AUTH_SOCK, say).</summary>
    public Dictionary<string, string> Variables { get; } = [];

    public string SshDirectory => Path.Combine(Home.Home, ".ssh");

    public string ConfigPath => Path.Combine(SshDirectory, "config");

    public string KnownHostsPath => Path.Combine(SshDirectory, "known_hosts");

    public string Destination => $"{Server.UserName}@127.0.0.1";

    public string[] AskpassPrompts => File.Exists(AskpassLog) ? File.ReadAllLines(AskpassLog) : [];

    public byte[]? RemoteFile() => File.Exists(Server.AuthorizedKeysPath) ? File.ReadAllBytes(Server.AuthorizedKeysPath) : null;

    /// <summary>`nvt keys setup -p PORT ARGS... user@127.0.0.1` as the local user, without a terminal.</summary>
    public ProcessResult Setup(params string[] args) =>
        User.Run(NvtBinary.Path, ["keys", "setup", "-p", Server.Port.ToString(CultureInfo.InvariantCulture), .. args, Destination], Environment());

    /// <summary>The real ssh as the local user, BatchMode: only a key (file or agent) can log in, nothing is asked.</summary>
    public ProcessResult Ssh(string name) =>
        User.Run("ssh", ["-o", "BatchMode=yes", name, "true"], new Dictionary<string, string>(Variables));

    public void Dispose()
    {
        User.Dispose();
        Server.Dispose();
        Home.Dispose();
    }

    private Dictionary<string, string> Environment()
    {
        var variables = new Dictionary<string, string>(Variables)
        {
            ["SSH_ASKPASS"] = Askpass,
            ["SSH_ASKPASS_REQUIRE"] = "force",
        };
        return variables;
    }
}
