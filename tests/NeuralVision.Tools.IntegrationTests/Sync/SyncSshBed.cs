using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Sync;

/// <summary>
/// One `nvt sync HOST` scene: a real sshd with a throwaway server user (the remote machine, whose HOME is
/// <see cref="TestSshd.Home"/>), and a local TempHome with a key made by `nvt keys gen` that the server accepts, so nvt
/// logs in with the key alone and without a terminal. The server's host keys come from -o UserKnownHostsFile, as a
/// user would pass them. The remote's nvt is run as the server user (setpriv) with the remote HOME, as sshd would.
/// </summary>
internal sealed class SyncSshBed : IDisposable
{
    public SyncSshBed()
    {
        Local = new TempHome();
        Server = new TestSshd();
        var generated = Local.Run("keys", "gen", "-t", "ed25519", "--no-passphrase", "-C", "nvt-sync-test");
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        Server.WriteAuthorizedKeys(File.ReadAllBytes(Path.Combine(Local.Home, ".ssh", "id_ed25519.pub")));
    }

    public TempHome Local { get; }

    public TestSshd Server { get; }

    public string Destination => $"{Server.UserName}@127.0.0.1";

    /// <summary>Where `nvt sync --install` puts nvt on the remote: ~/.local/bin/nvt.</summary>
    public string RemoteBinaryPath => Path.Combine(Server.Home, ".local", "bin", "nvt");

    public string RemoteDatabasePath => Path.Combine(Server.Home, ".local", "share", "nvt", "nvt.db");

    /// <summary>`nvt sync -p PORT -o UserKnownHostsFile=… ARGS… user@127.0.0.1` from the local HOME, without a terminal.</summary>
    public ProcessResult Sync(params string[] args) =>
        Local.RunWithoutTerminal(["sync", "-p", Server.PortText, "-o", "UserKnownHostsFile=" + Server.KnownHosts, .. args, Destination]);

    /// <summary>The remote's installed nvt, run as the server user in its HOME.</summary>
    public ProcessResult RunRemoteNvt(params string[] args) => RunAsServerUser(RemoteBinaryPath, args);

    /// <summary>Path to rank of every entry of the remote's database (see <see cref="JumpRanks"/>).</summary>
    public SortedDictionary<string, double> RemoteRanks() => JumpRanks.FromListing(RunRemoteNvt(JumpRanks.ListArguments));

    public SortedDictionary<string, double> LocalRanks() => JumpRanks.FromListing(Local.Run(JumpRanks.ListArguments));

    /// <summary>A directory in the remote HOME, made by the server user.</summary>
    public string MakeRemoteDirectory(string relative)
    {
        string full = Path.Combine(Server.Home, relative);
        var made = RunAsServerUser("mkdir", ["-p", "--", full]);
        Assert.True(made.ExitCode == 0, made.Stderr);
        return full;
    }

    /// <summary>Puts a shell script where the remote's nvt would be (~/.local/bin/nvt), as the server user.</summary>
    public void PlantRemoteNvt(string script)
    {
        var planted = RunAsServerUser("sh", ["-c", "mkdir -p \"$HOME/.local/bin\" && printf '%s\\n' \"$1\" > \"$HOME/.local/bin/nvt\" && chmod 755 \"$HOME/.local/bin/nvt\"", "sh", script]);
        Assert.True(planted.ExitCode == 0, planted.Stderr);
    }

    public void Dispose()
    {
        Server.Dispose();
        Local.Dispose();
    }

    private ProcessResult RunAsServerUser(string program, IEnumerable<string> args) => ChildProcess.Run(
        "setpriv",
        [$"--reuid={Server.UserName}", $"--regid={Server.UserName}", "--init-groups", "--", program, .. args],
        environment: new Dictionary<string, string>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = Server.Home,
            ["USER"] = Server.UserName,
        },
        workingDirectory: Server.Home,
        cleanEnvironment: true);
}
