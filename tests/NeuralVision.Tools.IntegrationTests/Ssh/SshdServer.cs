using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// A real OpenSSH sshd on 127.0.0.1 and a free port, accepting one throw-away client key for the user running the
/// tests, with its own config, host key and known_hosts (never ~/.ssh). Killed, and its files deleted, on Dispose.
/// </summary>
public sealed class SshdServer : IDisposable
{
    private readonly Process process;

    public SshdServer()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("nvt-sshd-").FullName;
        File.SetUnixFileMode(Directory, (UnixFileMode)0b111_000_000);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", HostKey);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ClientKey);
        File.Copy(ClientKey + ".pub", Path.Combine(Directory, "authorized_keys"));
        File.WriteAllText(KnownHosts, "");
        System.IO.Directory.CreateDirectory("/run/sshd");
        Port = FreePort();
        string config = Path.Combine(Directory, "sshd_config");
        File.WriteAllText(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {HostKey}
            AuthorizedKeysFile {Directory}/authorized_keys
            PidFile {Directory}/sshd.pid
            StrictModes no
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            AllowUsers {Environment.UserName}
            """);
        string sshd = File.Exists("/usr/sbin/sshd") ? "/usr/sbin/sshd" : "sshd";
        process = Process.Start(new ProcessStartInfo(sshd, ["-D", "-f", config, "-E", Path.Combine(Directory, "sshd.log")])
        {
            RedirectStandardError = true,
        })!;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                Thread.Sleep(20);
            }
        }
    }

    public string Directory { get; }

    public int Port { get; }

    public string HostKey => Path.Combine(Directory, "host_key");

    public string ClientKey => Path.Combine(Directory, "client_key");

    public string KnownHosts => Path.Combine(Directory, "known_hosts");

    /// <summary>ssh options that reach this server with the throw-away key, touching nothing of the user's.</summary>
    public string[] ClientOptions =>
    [
        "-F", "/dev/null", "-i", ClientKey, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-o", "UserKnownHostsFile=" + KnownHosts, "-o", "StrictHostKeyChecking=no", "-o", "BatchMode=yes",
        "-o", "LogLevel=ERROR",
    ];

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
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
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

    private static void Run(string program, params string[] args)
    {
        using var child = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {child.StandardError.ReadToEnd()}");
        }
    }
}
