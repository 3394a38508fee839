using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>`nvt keys copy`'s details: ssh's retry line, a directory where the file should be, leftovers, proxies, -t.</summary>
public sealed partial class KeysCopyTests
{
    [Fact]
    public void Copy_WrongThenRightPassword_PrintsSshsTryAgainLineOnce()
    {
        using var bed = new KeyCopyBed(new TestSshdOptions(KeyboardInteractive: false));
        bed.SetPassword("not-" + bed.Server.Password, bed.Server.Password);

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(2, bed.AskpassPrompts.Length);
        Assert.Single(result.Stderr.Split('\n'), line => line == "Permission denied, please try again.");
        Assert.Equal(0, bed.SshWithKey());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Copy_APasswordTypedAfterConnectTimeout_StillLogsIn(bool password, bool keyboardInteractive)
    {
        // ssh's ConnectTimeout limits the connection and the key exchange, not the person at the password prompt.
        using var bed = new KeyCopyBed(new TestSshdOptions(Password: password, KeyboardInteractive: keyboardInteractive));
        string askpass = Path.Combine(bed.Home.Root, "askpass-slow");
        File.WriteAllText(askpass, $"""
            #!/bin/sh
            sleep 4
            exec '{bed.Home.Variables["SSH_ASKPASS"]}' "$@"

            """);
        File.SetUnixFileMode(askpass, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        bed.Home.Variables["SSH_ASKPASS"] = askpass;

        var result = bed.Copy("-o", "ConnectTimeout=2");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("timed out", result.Stderr, StringComparison.Ordinal);
        // ssh's prompts: its own for the password method, the server's (with ssh's prefix) for keyboard-interactive.
        string prompt = password ? $"{bed.Server.UserName}@127.0.0.1's password: " : $"({bed.Server.UserName}@127.0.0.1) Password: ";
        Assert.Equal([prompt], bed.AskpassPrompts);
        Assert.Equal(bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        Assert.Equal(0, bed.SshWithKey());
    }

    [Theory]
    [InlineData("--sftp")]
    [InlineData("--exec")]
    public void Copy_AuthorizedKeysIsADirectory_RefusedWithASentence(string transport)
    {
        using var bed = new KeyCopyBed();
        bed.Server.WriteAuthorizedKeys([]);
        File.Delete(bed.Server.AuthorizedKeysPath);
        Directory.CreateDirectory(bed.Server.AuthorizedKeysPath);
        TestSshd.Run("chown", $"{bed.Server.UserName}:", bed.Server.AuthorizedKeysPath);

        var result = bed.Copy(transport);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"nvt: .ssh/authorized_keys on 127.0.0.1 is a directory, so sshd can read no key from it; move it aside on the server (mv .ssh/authorized_keys .ssh/authorized_keys.dir) and try again\n",
            result.Stderr.Split('\n', 2)[1]);
        Assert.True(Directory.Exists(bed.Server.AuthorizedKeysPath));
    }

    [Fact]
    public void Copy_TempFilesAnInterruptedCopyLeft_AreRemovedWhenOlderThanAMinute()
    {
        using var bed = new KeyCopyBed();
        bed.Server.WriteAuthorizedKeys(Encoding.UTF8.GetBytes(OtherKeyLine + "\n"));
        string sshDirectory = Path.GetDirectoryName(bed.Server.AuthorizedKeysPath)!;
        string old = Path.Combine(sshDirectory, ".authorized_keys.nvt-0123456789ab");
        string recent = Path.Combine(sshDirectory, ".authorized_keys.nvt-ba9876543210");
        string unrelated = Path.Combine(sshDirectory, ".authorized_keys.nvt-notmine");
        foreach (string file in new[] { old, recent, unrelated })
        {
            File.WriteAllText(file, "half a file");
            TestSshd.Run("chown", $"{bed.Server.UserName}:", file);
        }

        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddMinutes(-10));

        var result = bed.Copy("--sftp");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.False(File.Exists(old));
        // Another copy may be writing that one right now: it is left to the next run.
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(unrelated));
        Assert.Contains("removed 1 temp file(s) an interrupted copy had left in .ssh on 127.0.0.1", result.Stderr);
        Assert.Equal(OtherKeyLine + "\n" + bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
    }

    [Fact]
    public void Copy_ProxyJump_GoesThroughTheJumpHostAndChecksBothHostKeys()
    {
        using var bed = new KeyCopyBed();
        // The same sshd under another name is the jump host: ssh refuses a jump to a name that is the destination's.
        foreach (string type in new[] { "ed25519", "ecdsa" })
        {
            File.AppendAllText(bed.KnownHostsPath, bed.Server.KnownHostsLine(type).Replace("[127.0.0.1]", "[localhost]", StringComparison.Ordinal) + "\n");
        }

        var result = bed.Copy("-o", $"ProxyJump={bed.Server.UserName}@localhost:{bed.Server.Port}");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal([$"({bed.Server.UserName}@localhost) Password: ", $"({bed.Server.UserName}@127.0.0.1) Password: "], bed.AskpassPrompts);
        Assert.Equal(bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        Assert.Equal(0, bed.SshWithKey());
        // The jump host was logged into, then the destination through it (a direct-tcpip channel from the jump's sshd).
        Assert.True(bed.Server.Log.Split('\n').Count(line => line.Contains("Accepted keyboard-interactive/pam", StringComparison.Ordinal)) >= 2, bed.Server.Log);
    }

    [Fact]
    public void Copy_UnknownJumpHostKey_IsRefusedLikeTheDestinations()
    {
        using var bed = new KeyCopyBed();

        var result = bed.Copy("-o", $"ProxyJump={bed.Server.UserName}@localhost:{bed.Server.Port}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"the host key of [localhost]:{bed.Server.Port} is not in known_hosts", result.Stderr);
        Assert.Empty(bed.AskpassPrompts);
    }

    [Fact]
    public void Copy_ProxyCommand_IsRefusedInASentenceNotIgnored()
    {
        using var bed = new KeyCopyBed();

        var result = bed.Copy("-o", "ProxyCommand=ssh -W %h:%p bastion");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("nvt: 127.0.0.1 is reached through a ProxyCommand (ssh -W %h:%p bastion), which nvt cannot run; use ProxyJump instead (ssh -J), or ssh-copy-id\n", result.Stderr);
        Assert.Empty(bed.AskpassPrompts);
        // No SSH session reached the server (its log has only the fixture's own TCP probe).
        Assert.DoesNotContain("Accepted", bed.Server.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", bed.Server.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sftp")]
    [InlineData("--exec")]
    public void Copy_TargetPath_AddsTheKeyThereLikeSshCopyIdT(string transport)
    {
        using var bed = new KeyCopyBed();

        var first = bed.Copy(transport, "-t", "~/keys.d/deploy/authorized");
        var second = bed.Copy(transport, "-t", "keys.d/deploy/authorized");

        Assert.True(first.ExitCode == 0, first.Stderr);
        string target = Path.Combine(bed.Server.Home, "keys.d", "deploy", "authorized");
        Assert.Equal(bed.PublicKeyLine + "\n", File.ReadAllText(target));
        Assert.Equal("600", TestSshd.Run("stat", "-c", "%a", target).Trim());
        Assert.Equal("700", TestSshd.Run("stat", "-c", "%a", Path.Combine(bed.Server.Home, "keys.d")).Trim());
        Assert.Equal(bed.Server.UserName, TestSshd.Run("stat", "-c", "%U", target).Trim());
        Assert.Null(bed.RemoteFile());
        Assert.Contains("but not tried (sshd reads .ssh/authorized_keys unless its AuthorizedKeysFile names keys.d/deploy/authorized)", first.Stderr);
        // The duplicate check reads that file, not the login: the second run adds nothing.
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("All keys were already installed", second.Stdout);
        Assert.Equal(bed.PublicKeyLine + "\n", File.ReadAllText(target));
    }
}
