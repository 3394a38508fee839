using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>`nvt keys copy` refusing: host keys it must not trust, and servers it cannot reach.</summary>
public sealed partial class KeysCopyTests
{
    [Fact]
    public void AChangedHostKeyIsRefusedBeforeAnyPasswordIsSent()
    {
        using var bed = new KeyCopyBed();
        string[] wrong = OtherKeyLine.Split(' ');
        // Same types as the server's keys, other key material: what a man in the middle would present.
        File.WriteAllText(bed.KnownHostsPath,
            $"# first line\n[127.0.0.1]:{bed.Server.Port} {wrong[0]} {wrong[1]}\n[127.0.0.1]:{bed.Server.Port} {OtherEcdsaKeyLine}\n");

        var result = bed.Copy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", result.Stderr);
        Assert.Contains($"{bed.KnownHostsPath}:", result.Stderr);
        Assert.Empty(bed.AskpassPrompts);
        Assert.Null(bed.RemoteFile());
        string log = bed.Server.Log;
        Assert.DoesNotContain("password", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("keyboard-interactive", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted", log, StringComparison.Ordinal);
    }

    [Fact]
    public void ARevokedHostKeyIsRefusedEvenWhenAnotherLineTrustsIt()
    {
        using var bed = new KeyCopyBed();
        string[] ed25519 = bed.Server.KnownHostsLine("ed25519").Split(' ');
        string[] ecdsa = bed.Server.KnownHostsLine("ecdsa").Split(' ');
        File.AppendAllText(bed.KnownHostsPath, $"@revoked * {ed25519[1]} {ed25519[2]}\n@revoked * {ecdsa[1]} {ecdsa[2]}\n");

        var result = bed.Copy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("REVOKED HOST KEY", result.Stderr);
        Assert.Empty(bed.AskpassPrompts);
        Assert.Null(bed.RemoteFile());
    }

    [Fact]
    public void AHashedKnownHostsEntryIsRecognised()
    {
        using var bed = new KeyCopyBed();
        TestSshd.Run("ssh-keygen", "-H", "-f", bed.KnownHostsPath);
        Assert.StartsWith("|1|", File.ReadAllText(bed.KnownHostsPath), StringComparison.Ordinal);

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Number of key(s) added: 1", result.Stdout);
        Assert.Equal(bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        bed.AssertRemoteModes();
        Assert.Equal(0, bed.SshWithKey());
    }

    [Fact]
    public void AnUnknownHostIsRefusedWithoutATerminal()
    {
        using var bed = new KeyCopyBed();
        File.WriteAllText(bed.KnownHostsPath, "");

        var result = bed.Copy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--accept-new", result.Stderr);
        Assert.Contains("SHA256:", result.Stderr);
        Assert.Empty(bed.AskpassPrompts);
        Assert.Null(bed.RemoteFile());
        Assert.Equal("", File.ReadAllText(bed.KnownHostsPath));
    }

    [Fact]
    public void AcceptNewAddsTheHostToKnownHostsAndInstalls()
    {
        using var bed = new KeyCopyBed();
        File.Delete(bed.KnownHostsPath);

        var result = bed.Copy("--accept-new");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Permanently added", result.Stderr);
        // ssh itself finds the new line (plain or hashed, whichever HashKnownHosts says) and logs in with it.
        var found = TestSshd.Run("ssh-keygen", "-F", $"[127.0.0.1]:{bed.Server.Port}", "-f", bed.KnownHostsPath);
        Assert.Contains("found", found);
        Assert.Equal("600", TestSshd.Run("stat", "-c", "%a", bed.KnownHostsPath).Trim());
        Assert.Equal(0, bed.SshWithKey());
    }

    [Fact]
    public void ConnectionRefusedIsOneClearLine()
    {
        using var home = new TempHome();
        Assert.Equal(0, home.Run("keys", "gen", "-t", "ed25519", "--no-passphrase").ExitCode);
        int closedPort = ClosedPort();

        var result = home.RunWithoutTerminal("keys", "copy", "-p", KeyCopyBed.Port(closedPort), "someone@127.0.0.1");

        Assert.Equal(1, result.ExitCode);
        string[] errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"nvt: cannot connect to 127.0.0.1 port {closedPort}: connection refused", errors[^1]);
    }

    [Fact]
    public void AnUnresolvableHostIsOneClearLine()
    {
        using var home = new TempHome();
        Assert.Equal(0, home.Run("keys", "gen", "-t", "ed25519", "--no-passphrase").ExitCode);

        // .invalid never resolves (RFC 2606).
        var result = home.RunWithoutTerminal("keys", "copy", "someone@no-such-host.invalid");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("nvt: could not resolve hostname no-such-host.invalid: name or service not known", result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [Fact]
    public void AServerThatNeverAnswersTimesOutAfterConnectTimeout()
    {
        using var home = new TempHome();
        Assert.Equal(0, home.Run("keys", "gen", "-t", "ed25519", "--no-passphrase").ExitCode);
        // Accepts the TCP connection and then says nothing, as a hung server or a filtering middlebox would.
        var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            int port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;

            var result = home.RunWithoutTerminal("keys", "copy", "-o", "ConnectTimeout=1", "-p", KeyCopyBed.Port(port), "someone@127.0.0.1");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"nvt: connection to 127.0.0.1 port {port} timed out after 1 s", result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void NoKeyAtAllSuggestsKeysGen()
    {
        using var home = new TempHome();

        var result = home.RunWithoutTerminal("keys", "copy", "someone@127.0.0.1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nvt keys gen", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
