using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// `nvt keys copy` through the published binary against a real OpenSSH sshd with a throwaway user: the remote file and
/// its modes afterwards, a real `ssh -o BatchMode=yes` login with the key, and what the password prompts and the
/// server log show.
/// </summary>
public sealed partial class KeysCopyTests
{
    [Fact]
    public void FreshAccountGetsTheKeyOverSftpWithStrictModes()
    {
        using var bed = new KeyCopyBed();
        Assert.False(Directory.Exists(Path.GetDirectoryName(bed.Server.AuthorizedKeysPath)));

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Number of key(s) added: 1", result.Stdout);
        Assert.Contains($"Now try logging into the machine with: ssh -p {bed.Server.Port} '{bed.Destination}'", result.Stdout);
        Assert.Equal(bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        bed.AssertRemoteModes();
        Assert.Equal(0, bed.SshWithKey());
        Assert.Single(bed.AskpassPrompts);
        Assert.DoesNotContain(bed.Server.Password, result.Stdout + result.Stderr);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(bed.Server.AuthorizedKeysPath)!, ".authorized_keys.nvt-*"));
        // The host was known by a plain "[127.0.0.1]:PORT" entry (ssh's form for a port other than 22).
        Assert.StartsWith($"[127.0.0.1]:{bed.Server.Port} ", File.ReadAllText(bed.KnownHostsPath), StringComparison.Ordinal);
    }

    [Fact]
    public void ExistingLinesAreKeptByteForByteAndAMissingFinalNewlineIsAdded()
    {
        using var bed = new KeyCopyBed();
        byte[] before = Encoding.UTF8.GetBytes("# managed by hand\r\ncommand=\"echo hi there\" " + OtherKeyLine + " old\tkey");
        bed.Server.WriteAuthorizedKeys(before);

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        byte[] after = bed.RemoteFile()!;
        Assert.Equal(before, after[..before.Length]);
        Assert.Equal("\n" + bed.PublicKeyLine + "\n", Encoding.UTF8.GetString(after[before.Length..]));
        bed.AssertRemoteModes();
        Assert.Equal(0, bed.SshWithKey());
    }

    [Fact]
    public void AFailedWriteLeavesTheOldFileWholeAndNoTempFile()
    {
        using var bed = new KeyCopyBed();
        byte[] before = Encoding.UTF8.GetBytes(OtherKeyLine + "\n");
        bed.Server.WriteAuthorizedKeys(before);
        string sshDirectory = Path.GetDirectoryName(bed.Server.AuthorizedKeysPath)!;
        // The user may read ~/.ssh but not create files in it, so the temp file cannot be written.
        File.SetUnixFileMode(sshDirectory, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var result = bed.Copy("--sftp");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not write .ssh/authorized_keys", result.Stderr);
        Assert.Equal(before, bed.RemoteFile());
        Assert.Equal([bed.Server.AuthorizedKeysPath], Directory.GetFiles(sshDirectory));
    }

    [Fact]
    public void AKeyAlreadyInstalledWithOptionsIsNotAddedAgainAndNothingIsWritten()
    {
        using var bed = new KeyCopyBed();
        string[] key = bed.PublicKeyLine.Split(' ');
        byte[] before = Encoding.UTF8.GetBytes($"from=\"127.0.0.1\",no-pty {key[0]} {key[1]} a different comment\n");
        bed.Server.WriteAuthorizedKeys(before);
        var modified = File.GetLastWriteTimeUtc(bed.Server.AuthorizedKeysPath);

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"All keys were already installed on {bed.Destination}", result.Stdout);
        Assert.Equal(before, bed.RemoteFile());
        Assert.Equal(modified, File.GetLastWriteTimeUtc(bed.Server.AuthorizedKeysPath));
        // The installed key itself logged nvt in: no password was needed.
        Assert.Empty(bed.AskpassPrompts);
    }

    [Fact]
    public void AnEncryptedKeyIsInstalledWithoutItsPassphraseAndUnlockedOnlyToLogIn()
    {
        using var bed = new KeyCopyBed();
        File.Delete(bed.KeyPath);
        File.Delete(bed.KeyPath + ".pub");
        Assert.Equal(0, bed.Home.Run("keys", "gen", "-t", "ed25519", "-N", "a long passphrase", "-C", "encrypted").ExitCode);
        File.WriteAllText(bed.PassphraseFile, "a long passphrase\n");

        var first = bed.Copy();
        string[] firstPrompts = bed.AskpassPrompts;
        File.Delete(bed.AskpassLog);
        var second = bed.Copy();

        Assert.True(first.ExitCode == 0, first.Stderr);
        // The server did not know the key yet: the password, then the passphrase only for the login that checks the key.
        Assert.Equal(2, firstPrompts.Length);
        Assert.EndsWith("Password: ", firstPrompts[0], StringComparison.Ordinal);
        Assert.Equal($"Enter passphrase for key '{bed.KeyPath}': ", firstPrompts[1]);
        // Now the server accepts the key: its passphrase opens the session, no password is asked.
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("All keys were already installed", second.Stdout);
        Assert.Equal([$"Enter passphrase for key '{bed.KeyPath}': "], bed.AskpassPrompts);
    }

    [Fact]
    public void TwoRunsInstallTheKeyOnceAndTheSecondNeedsNoPassword()
    {
        using var bed = new KeyCopyBed();

        var first = bed.Copy();
        var second = bed.Copy();

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("All keys were already installed", second.Stdout);
        Assert.Equal(bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        Assert.Single(bed.AskpassPrompts);
        bed.AssertRemoteModes();
        Assert.Equal(0, bed.SshWithKey());
    }

    [Fact]
    public void ThreeWrongPasswordsFailCleanlyAndLeaveTheFileUntouched()
    {
        using var bed = new KeyCopyBed();
        byte[] before = Encoding.UTF8.GetBytes(OtherKeyLine + "\n");
        bed.Server.WriteAuthorizedKeys(before);
        bed.SetPassword("not-" + bed.Server.Password);

        var result = bed.Copy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("3 wrong passwords", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("nvt: permission denied", StringComparison.Ordinal));
        Assert.Equal(3, bed.AskpassPrompts.Length);
        Assert.Equal(before, bed.RemoteFile());
        Assert.DoesNotContain(bed.Server.Password, result.Stdout + result.Stderr);
    }

    [Fact]
    public void AKeyTheServerRefusesIsReportedAfterInstalling()
    {
        using var bed = new KeyCopyBed(new TestSshdOptions { ExtraConfig = ["PubkeyAcceptedAlgorithms ssh-ed25519"] });
        string rsa = Path.Combine(bed.SshDirectory, "id_rsa");
        Assert.Equal(0, bed.Home.Run("keys", "gen", "-t", "rsa", "-b", "2048", "-f", rsa, "--no-passphrase").ExitCode);

        var result = bed.Copy("-i", rsa + ".pub");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refuses a login with it", result.Stderr);
        Assert.DoesNotContain("Number of key(s) added", result.Stdout);
    }

    [Fact]
    public void DryRunShowsTheKeyAndChangesNothing()
    {
        using var bed = new KeyCopyBed();
        File.WriteAllText(bed.KnownHostsPath, "");

        var result = bed.Copy("-n", "--accept-new");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Dry run: would add", result.Stdout);
        Assert.Contains(bed.PublicKeyLine, result.Stdout);
        Assert.Null(bed.RemoteFile());
        Assert.Equal("", File.ReadAllText(bed.KnownHostsPath));
    }

    [Fact]
    public void WithoutSftpTheRemoteShellInstallsTheKey()
    {
        using var bed = new KeyCopyBed(new TestSshdOptions(Sftp: false));
        bed.Server.WriteAuthorizedKeys(Encoding.UTF8.GetBytes(OtherKeyLine));

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("no SFTP subsystem", result.Stderr);
        Assert.Equal(OtherKeyLine + "\n" + bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        bed.AssertRemoteModes();
        Assert.Equal(0, bed.SshWithKey());
        // The password worked once and was reused for the second connection, not asked again.
        Assert.Single(bed.AskpassPrompts);
    }

    [Theory]
    [InlineData(false, true, "Accepted keyboard-interactive/pam")]
    [InlineData(true, false, "Accepted password")]
    public void PasswordAndKeyboardInteractiveEachWorkAlone(bool password, bool keyboardInteractive, string accepted)
    {
        using var bed = new KeyCopyBed(new TestSshdOptions(Password: password, KeyboardInteractive: keyboardInteractive));

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains(accepted, bed.Server.Log);
        Assert.Single(bed.AskpassPrompts);
        Assert.Equal(0, bed.SshWithKey());
    }

    [Fact]
    public void ALinkedAuthorizedKeysStaysALinkAndItsTargetGetsTheKey()
    {
        using var bed = new KeyCopyBed();
        bed.Server.WriteAuthorizedKeys(Encoding.UTF8.GetBytes(OtherKeyLine + "\n"));
        string target = Path.Combine(bed.Server.Home, ".ssh", "managed_keys");
        File.Move(bed.Server.AuthorizedKeysPath, target);
        File.CreateSymbolicLink(bed.Server.AuthorizedKeysPath, "managed_keys");
        TestSshd.Run("chown", "-h", $"{bed.Server.UserName}:{bed.Server.UserName}", bed.Server.AuthorizedKeysPath);

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("symbolic link", result.Stderr);
        Assert.Equal("managed_keys", new FileInfo(bed.Server.AuthorizedKeysPath).LinkTarget);
        Assert.Equal(OtherKeyLine + "\n" + bed.PublicKeyLine + "\n", File.ReadAllText(target));
        Assert.Equal(0, bed.SshWithKey());
    }

    [Fact]
    public void ExecOnAFreshAccountCreatesTheDirectoryPrivately()
    {
        using var bed = new KeyCopyBed();

        var result = bed.Copy("--exec");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        bed.AssertRemoteModes();
        Assert.Equal(0, bed.SshWithKey());
    }

    [Fact]
    public void AnSshConfigAliasIsResolvedWithDashF()
    {
        using var bed = new KeyCopyBed();
        string config = Path.Combine(bed.Home.Root, "ssh_config");
        File.WriteAllText(config, $"""
            Host puffin
              HostName 127.0.0.1
              Port {bed.Server.Port}
              User {bed.Server.UserName}
              UserKnownHostsFile {bed.KnownHostsPath}
            """);

        var result = bed.Home.RunWithoutTerminal("keys", "copy", "-F", config, "puffin");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"Now try logging into the machine with: ssh -F '{config}' 'puffin'", result.Stdout);
        Assert.Equal(bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        bed.AssertRemoteModes();
        Assert.Equal(0, bed.SshWithKey());
    }

    [Fact]
    public void EndsWithTheSameFileAsTheRealSshCopyId()
    {
        using var bed = new KeyCopyBed();
        byte[] start = Encoding.UTF8.GetBytes("# keep me\n" + OtherKeyLine);

        bed.Server.WriteAuthorizedKeys(start);
        RunSshCopyId(bed);
        byte[] bySshCopyId = bed.RemoteFile()!;

        bed.Server.WriteAuthorizedKeys(start);
        var result = bed.Copy();
        Assert.True(result.ExitCode == 0, result.Stderr);

        Assert.Equal(KeyCopyBed.Text(bySshCopyId), KeyCopyBed.Text(bed.RemoteFile()));
    }

    /// <summary>A key of the server's ed25519 type that is nobody's here: stands for another user's key or a forged host key.</summary>
    private const string OtherKeyLine = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei other@elsewhere";

    private const string OtherEcdsaKeyLine = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBG3ew0BQSFGFL73iW72Kc9gFnp8Qy9FDi3gK8ItEpgEDSVtxVgs4mOAtflIZmhMl/NHFyhC6H3J46mGj2XECyn8=";

    private static void RunSshCopyId(KeyCopyBed bed)
    {
        var result = ChildProcess.Run(
            "setsid",
            [
                "--wait", "ssh-copy-id", "-i", bed.KeyPath + ".pub", "-p", bed.Server.PortText, "-F", "/dev/null",
                "-o", "UserKnownHostsFile=" + bed.KnownHostsPath, "-o", "StrictHostKeyChecking=yes",
                bed.Destination,
            ],
            environment: new Dictionary<string, string>(bed.Home.Variables) { ["HOME"] = bed.Home.Home });
        Assert.True(result.ExitCode == 0, $"ssh-copy-id failed: {result.Stderr} {result.Stdout}");
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
