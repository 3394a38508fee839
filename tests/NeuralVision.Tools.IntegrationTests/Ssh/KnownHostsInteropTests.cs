using NeuralVision.Tools.IntegrationTests.Infrastructure;
using NeuralVision.Tools.IntegrationTests.Keys;
using NeuralVision.Tools.Keys;
using NeuralVision.Tools.Keys.HostKeys;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// nvt's known_hosts engine judged by OpenSSH: ssh-keygen -F finds the lines nvt appends, nvt finds the names in a file
/// ssh-keygen -H hashed, and the real ssh client, talking to `sshd -i` through a ProxyCommand (no port, no daemon left
/// behind), accepts nvt's lines and names the same offending line nvt does.
/// </summary>
public sealed class KnownHostsInteropTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("nvt-knownhosts-").FullName;
    private readonly string hostKey;
    private readonly byte[] hostKeyBlob;

    public KnownHostsInteropTests()
    {
        hostKey = Path.Combine(directory, "host_ed25519");
        SshKeygen.Output("-q", "-t", "ed25519", "-N", "", "-C", "nvt test host", "-f", hostKey);
        hostKeyBlob = SshPublicKey.ParseLine(File.ReadAllText(hostKey + ".pub"))!.Blob;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("Puffin.Example.com", 22, false)]
    [InlineData("Puffin.Example.com", 22, true)]
    [InlineData("127.0.0.1", 2222, false)]
    [InlineData("127.0.0.1", 2222, true)]
    public void Writer_Line_IsFoundBySshKeygen(string host, int port, bool hash)
    {
        string file = Path.Combine(directory, "known_hosts");
        File.WriteAllText(file, "# existing\nother.example.com " + File.ReadAllText(hostKey + ".pub"));
        string name = KnownHosts.HostName(host, port);

        string line = new KnownHostsWriter().Append(file, name, hostKeyBlob, hash);

        // ssh-keygen -F wants the name as known_hosts stores it: "[127.0.0.1]:2222" for another port.
        string found = SshKeygen.Output("-F", name, "-f", file);
        Assert.Equal($"# Host {name} found: line 3 \n{line}\n", found);
    }

    [Fact]
    public void SshKeygenHashedFile_EveryNameIsStillKnown()
    {
        string file = Path.Combine(directory, "known_hosts");
        string key = string.Join(' ', File.ReadAllText(hostKey + ".pub").Split(' ')[..2]);
        File.WriteAllText(file, $"# plain names\nalpha.example.com,192.0.2.1 {key}\n[beta.example.com]:2222 {key}\ngamma {key}\n");

        SshKeygen.Output("-H", "-f", file);

        string[] lines = File.ReadAllLines(file);
        Assert.All(lines.Where(line => !line.StartsWith('#')), line => Assert.StartsWith("|1|", line, StringComparison.Ordinal));
        Assert.Equal(5, lines.Length); // the comma list became two hashed lines
        foreach (var (host, port) in new[] { ("alpha.example.com", 22), ("192.0.2.1", 22), ("beta.example.com", 2222), ("GAMMA", 22) })
        {
            Assert.Equal(KnownHostStatus.Known, KnownHosts.Check([file], host, port, hostKeyBlob).Status);
        }

        Assert.Equal(KnownHostStatus.Unknown, KnownHosts.Check([file], "beta.example.com", 22, hostKeyBlob).Status);
    }

    [Theory]
    [InlineData(22, false)]
    [InlineData(2222, true)]
    public void RealSsh_AcceptsTheWritersLine(int port, bool hash)
    {
        string file = Path.Combine(directory, "known_hosts");
        new KnownHostsWriter().Append(file, KnownHosts.HostName("Puffin", port), hostKeyBlob, hash);

        string stderr = RunSsh(file, "Puffin", port);

        // The host key passed; only the login fails, as the server accepts no one.
        Assert.DoesNotContain("Host key verification failed", stderr, StringComparison.Ordinal);
        Assert.Contains("Permission denied", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RealSsh_ChangedKey_SameWarningAndOffendingLine()
    {
        string user = Path.Combine(directory, "known_hosts");
        string system = Path.Combine(directory, "ssh_known_hosts");
        string otherKey = Path.Combine(directory, "other_ed25519");
        SshKeygen.Output("-q", "-t", "ed25519", "-N", "", "-f", otherKey);
        File.WriteAllText(user, "# nothing for puffin here\n");
        File.WriteAllText(system, "# pinned\n[puffin]:2222 " + File.ReadAllText(otherKey + ".pub"));
        var result = KnownHosts.Check([user, system], "puffin", 2222, hostKeyBlob);

        string stderr = RunSsh(user, "puffin", 2222, system);

        Assert.Equal(KnownHostStatus.Changed, result.Status);
        string[] ours = KnownHostsMessages.ChangedWarning(result, user).Split('\n');
        // Everything up to "  remove with:" is ssh's text; nvt then single-quotes the hint and leaves out
        // "...and you have requested strict checking.", which is not what nvt's user did.
        string common = string.Join('\n', ours[..Array.IndexOf(ours, "  remove with:")]);
        Assert.Contains(common, stderr, StringComparison.Ordinal);
        Assert.Contains($"  ssh-keygen -f \"{system}\" -R \"[puffin]:2222\"", stderr, StringComparison.Ordinal);
        Assert.EndsWith(KnownHostsMessages.VerificationFailed + "\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RealSsh_RevokedKey_SameWarning()
    {
        string file = Path.Combine(directory, "known_hosts");
        File.WriteAllText(file, "@revoked * " + File.ReadAllText(hostKey + ".pub") + "puffin " + File.ReadAllText(hostKey + ".pub"));
        var result = KnownHosts.Check([file], "Puffin", 22, hostKeyBlob);

        string stderr = RunSsh(file, "Puffin", 22);

        Assert.Equal(KnownHostStatus.Revoked, result.Status);
        string[] ours = KnownHostsMessages.RevokedWarning(result).Split('\n');
        Assert.Contains(string.Join('\n', ours[..6]), stderr, StringComparison.Ordinal);
        Assert.EndsWith(KnownHostsMessages.VerificationFailed + "\n", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the real ssh against `sshd -i` as its ProxyCommand, so no port is opened and sshd ends with the session.
    /// The server takes no logins at all; the test only cares whether ssh got past the host key check.
    /// </summary>
    private string RunSsh(string userKnownHosts, string host, int port, string globalKnownHosts = "/dev/null")
    {
        string config = Path.Combine(directory, "sshd_config");
        File.WriteAllLines(config,
        [
            $"HostKey {hostKey}",
            "AuthorizedKeysFile none",
            "AuthenticationMethods publickey",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "StrictModes no",
        ]);
        // Privilege separation needs this directory; a fresh machine may not have it until sshd ran once.
        Directory.CreateDirectory("/run/sshd");
        var result = ChildProcess.Run("ssh", [
            "-F", "/dev/null",
            "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=yes",
            "-o", "IdentitiesOnly=yes",
            "-o", "IdentityAgent=none",
            "-o", "ConnectTimeout=20",
            "-o", $"UserKnownHostsFile={userKnownHosts}",
            "-o", $"GlobalKnownHostsFile={globalKnownHosts}",
            "-o", $"ProxyCommand=/usr/sbin/sshd -i -f {config}",
            host, "true",
        ]);
        Assert.Equal(255, result.ExitCode);
        // ssh's log lines end in "\r\n" even when stderr is not a terminal.
        return result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
