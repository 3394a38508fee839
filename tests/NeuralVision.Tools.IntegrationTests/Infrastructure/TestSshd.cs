using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// A real OpenSSH sshd on 127.0.0.1 and a free port, with its own host keys, client key, config and log in a temp
/// directory (never ~/.ssh), and by default a throwaway local user with a random password and a fresh home (no ~/.ssh), so `keys copy` can be tested end to end
/// against the real file layout and StrictModes. Needs root (useradd, chpasswd, sshd with PAM), as CI runs. The user's
/// GECOS field carries a marker and the creating process id, so a crashed run's users are removed by the next run and
/// never anybody else's. Dispose kills sshd and everything of the user's, then deletes the user and the files.
/// </summary>
public sealed class TestSshd : IDisposable
{
    /// <summary>The GECOS marker of every throwaway user the tests create (servers' and, for keys setup, clients').</summary>
    internal const string Marker = "nvt-test-user";

    /// <summary>useradd, chpasswd and userdel lock /etc/passwd; test classes running in parallel take turns here.</summary>
    internal static readonly Lock AccountsLock = new();
    private readonly Process process;

    public TestSshd(TestSshdOptions? options = null)
    {
        options ??= new TestSshdOptions();
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("the sshd tests need root (useradd, chpasswd, sshd with PAM); CI runs them as root");
        }

        RemoveStaleUsers();
        Directory = System.IO.Directory.CreateTempSubdirectory("nvt-sshd-").FullName;
        File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        throwaway = options.ThrowawayUser;
        if (throwaway)
        {
            UserName = "nvtt" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            Password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y');
            Home = "/home/" + UserName;
            lock (AccountsLock)
            {
                Run("useradd", "--create-home", "--home-dir", Home, "--shell", "/bin/sh", "--comment", $"{Marker} pid={Environment.ProcessId}", UserName);
                RunWithInput($"{UserName}:{Password}\n", "chpasswd");
            }
        }
        else
        {
            UserName = Environment.UserName;
            Password = "";
            Home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        Port = FreePort();
        foreach (string type in new[] { "ed25519", "ecdsa" })
        {
            Run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "nvt test host", "-f", Path.Combine(Directory, $"host_{type}"));
        }

        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "nvt test client", "-f", ClientKey);
        File.Copy(ClientKey + ".pub", Path.Combine(Directory, "authorized_keys"));
        File.WriteAllText(KnownHosts, KnownHostsLine("ed25519") + "\n" + KnownHostsLine("ecdsa") + "\n");

        System.IO.Directory.CreateDirectory("/run/sshd");
        LogPath = Path.Combine(Directory, "sshd.log");
        ConfigPath = Path.Combine(Directory, "sshd_config");
        File.WriteAllLines(ConfigPath,
        [
            $"Port {Port}",
            "ListenAddress 127.0.0.1",
            $"HostKey {HostKeyPath("ed25519")}",
            $"HostKey {HostKeyPath("ecdsa")}",
            $"PidFile {Path.Combine(Directory, "sshd.pid")}",
            $"AllowUsers {UserName}",
            "PubkeyAuthentication yes",
            .. throwaway
                ? new[]
                {
                    "AuthorizedKeysFile .ssh/authorized_keys",
                    "PermitRootLogin no",
                    "StrictModes yes",
                    $"PasswordAuthentication {YesNo(options.Password)}",
                    $"KbdInteractiveAuthentication {YesNo(options.KeyboardInteractive)}",
                    "UsePAM yes",
                }
                : [
                    $"AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}",
                    "PermitRootLogin prohibit-password",
                    // The directory is under world-writable /tmp, which StrictModes would reject.
                    "StrictModes no",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                ],
            "LogLevel VERBOSE",
            .. options.Sftp ? new[] { "Subsystem sftp internal-sftp" } : [],
            .. options.ExtraConfig,
        ]);
        string sshd = File.Exists("/usr/sbin/sshd") ? "/usr/sbin/sshd" : "sshd";
        Run(sshd, "-t", "-f", ConfigPath);
        process = Process.Start(new ProcessStartInfo(sshd, ["-D", "-f", ConfigPath, "-E", LogPath]) { RedirectStandardError = true })!;
        WaitUntilListening();
    }

    private readonly bool throwaway;

    public string Directory { get; }

    /// <summary>A key pair the server accepts for the user running the tests (with ThrowawayUser off).</summary>
    public string ClientKey => Path.Combine(Directory, "client_key");

    /// <summary>known_hosts with this server's host keys, for clients that must trust it.</summary>
    public string KnownHosts => Path.Combine(Directory, "known_hosts");

    /// <summary>ssh options that reach this server with <see cref="ClientKey"/>, touching nothing of the user's.</summary>
    public string[] ClientOptions =>
    [
        "-F", "/dev/null", "-i", ClientKey, "-p", PortText, "-o", "UserKnownHostsFile=" + KnownHosts,
        "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
    ];

    public int Port { get; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public string UserName { get; }

    /// <summary>The throwaway user's password: give it to nvt through SSH_ASKPASS, never on a command line.</summary>
    public string Password { get; }

    public string Home { get; }

    public string ConfigPath { get; }

    public string LogPath { get; }

    public string AuthorizedKeysPath => throwaway ? Path.Combine(Home, ".ssh", "authorized_keys") : Path.Combine(Directory, "authorized_keys");

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    public string HostKeyPath(string type) => Path.Combine(Directory, $"host_{type}");

    /// <summary>A known_hosts line for this server as ssh writes it for a non-22 port: "[127.0.0.1]:PORT TYPE BASE64".</summary>
    public string KnownHostsLine(string type = "ed25519")
    {
        string[] publicKey = File.ReadAllText(HostKeyPath(type) + ".pub").Split(' ');
        return $"[127.0.0.1]:{Port} {publicKey[0]} {publicKey[1]}";
    }

    /// <summary>Writes authorized_keys as the user would have it: owned by them, ~/.ssh 0700, the file 0600.</summary>
    public void WriteAuthorizedKeys(byte[] content)
    {
        if (!throwaway)
        {
            File.WriteAllBytes(Path.Combine(Directory, "authorized_keys"), content);
            return;
        }

        string sshDirectory = Path.Combine(Home, ".ssh");
        System.IO.Directory.CreateDirectory(sshDirectory);
        File.SetUnixFileMode(sshDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllBytes(AuthorizedKeysPath, content);
        File.SetUnixFileMode(AuthorizedKeysPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Run("chown", "-R", $"{UserName}:{UserName}", sshDirectory);
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        if (throwaway)
        {
            DeleteUser(UserName);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>Users left by a test run that died before Dispose: marked by us, created by a process that is gone.</summary>
    internal static void RemoveStaleUsers()
    {
        foreach (string line in File.ReadAllLines("/etc/passwd"))
        {
            string[] fields = line.Split(':');
            if (fields.Length < 5 || !fields[4].StartsWith(Marker + " pid=", StringComparison.Ordinal))
            {
                continue;
            }

            if (int.TryParse(fields[4][(Marker.Length + 5)..], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && !System.IO.Directory.Exists($"/proc/{pid}"))
            {
                DeleteUser(fields[0]);
            }
        }
    }

    internal static void DeleteUser(string name)
    {
        // The user's sessions (an sshd child, a remote sh) would make userdel refuse.
        KillProcessesOf(name);
        lock (AccountsLock)
        {
            RunQuietly("userdel", "--remove", "--force", name);
        }
    }

    /// <summary>pkill -KILL -u NAME without needing procps: every /proc/PID whose owner is the user.</summary>
    private static void KillProcessesOf(string name)
    {
        string uid;
        try
        {
            uid = Run("id", "-u", name).Trim();
        }
        catch (InvalidOperationException)
        {
            return; // no such user any more
        }

        foreach (string directory in System.IO.Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            try
            {
                string? uidLine = File.ReadLines(Path.Combine(directory, "status")).FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal));
                if (uidLine?.Split('\t', StringSplitOptions.RemoveEmptyEntries) is [_, string realUid, ..] && realUid == uid)
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // The process ended meanwhile.
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void WaitUntilListening()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                Thread.Sleep(20);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"sshd did not listen on 127.0.0.1:{Port}: {process.StandardError.ReadToEnd()} {Log}", e);
            }
        }
    }

    internal static string Run(string program, params string[] args) => RunWithInput(null, program, args);

    private static string RunWithInput(string? input, string program, params string[] args)
    {
        var result = ChildProcess.Run(program, args, input);
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}");
    }

    private static void RunQuietly(string program, params string[] args) => ChildProcess.Run(program, args);
}
