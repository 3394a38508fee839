using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// A private OpenSSH sshd on 127.0.0.1 that accepts public keys only, for the current user, from an authorized_keys
/// file of the test's own (never ~/.ssh). Its config, host key, pid file and log live in a temp directory; it is ended by
/// its own process id on dispose.
/// </summary>
internal sealed class PrivateSshd : IDisposable
{
    private const string SshdPath = "/usr/sbin/sshd";
    private readonly Process process;

    public PrivateSshd()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("nvt-sshd-").FullName;
        AuthorizedKeysPath = Path.Combine(Directory, "authorized_keys");
        File.WriteAllText(AuthorizedKeysPath, "");
        string hostKey = Path.Combine(Directory, "host_ed25519");
        SshKeygen.Output("-q", "-t", "ed25519", "-N", "", "-C", "nvt test host", "-f", hostKey);
        Port = FreePort();
        UserName = Environment.UserName;
        string config = Path.Combine(Directory, "sshd_config");
        File.WriteAllLines(config,
        [
            $"Port {Port}",
            "ListenAddress 127.0.0.1",
            $"HostKey {hostKey}",
            $"PidFile {Path.Combine(Directory, "sshd.pid")}",
            $"AuthorizedKeysFile {AuthorizedKeysPath}",
            $"AllowUsers {UserName}",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "UsePAM no",
            // The temp directory is under world-writable /tmp, which StrictModes would reject for authorized_keys.
            "StrictModes no",
        ]);

        // Privilege separation needs this directory; a fresh machine may not have it until sshd ran once.
        System.IO.Directory.CreateDirectory("/run/sshd");
        var check = Process.Start(new ProcessStartInfo(SshdPath, ["-t", "-f", config]) { RedirectStandardError = true })!;
        string checkErrors = check.StandardError.ReadToEnd();
        check.WaitForExit();
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException($"sshd -t rejected the test config: {checkErrors}");
        }

        process = Process.Start(new ProcessStartInfo(SshdPath, ["-D", "-e", "-f", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.ErrorDataReceived += (_, e) => { lock (Log) { Log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public string Directory { get; }

    public string AuthorizedKeysPath { get; }

    public int Port { get; }

    public string UserName { get; }

    public System.Text.StringBuilder Log { get; } = new();

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"sshd exited with {process.ExitCode}: {Log}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"sshd did not listen on 127.0.0.1:{Port} within 10 s: {Log}");
    }
}
