using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// `nvt keys copy` with a real ssh-agent (one per test) holding an encrypted key, and without one: what is asked,
/// as the SSH_ASKPASS script's log of every prompt shows.
/// </summary>
public sealed class KeysCopyAgentTests
{
    private const string Passphrase = "agent test pass phrase";

    [Fact]
    public void Copy_AgentHoldsTheEncryptedKey_NoPassphraseIsAskedAndTheCheckUsesTheAgent()
    {
        using var bed = EncryptedKeyBed();
        using var agent = new SshAgent(Path.Combine(bed.Home.Root, "agent.sock"));
        agent.Add(bed.KeyPath, Askpass(bed));
        bed.Home.Variables["SSH_AUTH_SOCK"] = agent.SocketPath;
        File.Delete(bed.AskpassLog);

        var first = bed.Copy();
        string[] firstPrompts = bed.AskpassPrompts;
        File.Delete(bed.AskpassLog);
        var second = bed.Copy();

        Assert.True(first.ExitCode == 0, first.Stderr);
        // The server did not know the key yet: the password, and nothing else (the check signed through the agent).
        Assert.Equal([$"({bed.Server.UserName}@127.0.0.1) Password: "], firstPrompts);
        Assert.DoesNotContain("not tried", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("Accepted publickey", bed.Server.Log, StringComparison.Ordinal);
        // Now the agent's key logs in: nothing is asked at all.
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("All keys were already installed", second.Stdout);
        Assert.Empty(bed.AskpassPrompts);
    }

    [Fact]
    public void Copy_AgentWithOtherKeysAndIdentitiesOnly_OffersOnlyTheIdentityFiles()
    {
        using var bed = EncryptedKeyBed();
        using var agent = new SshAgent(Path.Combine(bed.Home.Root, "agent.sock"));
        agent.Add(bed.KeyPath, Askpass(bed));
        bed.Server.WriteAuthorizedKeys(System.Text.Encoding.UTF8.GetBytes(bed.PublicKeyLine + "\n"));
        bed.Home.Variables["SSH_AUTH_SOCK"] = agent.SocketPath;
        File.Delete(bed.AskpassLog);

        // The agent's key is no IdentityFile here, and IdentitiesOnly forbids the others: the password is asked.
        var result = bed.Copy("-o", "IdentitiesOnly=yes", "-o", "IdentityFile=/nonexistent");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("All keys were already installed", result.Stdout);
        Assert.Equal([$"({bed.Server.UserName}@127.0.0.1) Password: "], bed.AskpassPrompts);
    }

    [Fact]
    public void Copy_NoAgentAndWrongPassphrases_TheKeyIsAddedAndTheCheckSaysWhyInASentence()
    {
        using var bed = EncryptedKeyBed();
        File.WriteAllText(bed.PassphraseFile, "not the passphrase\n");

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Number of key(s) added: 1", result.Stdout);
        Assert.Equal(bed.PublicKeyLine + "\n", KeyCopyBed.Text(bed.RemoteFile()));
        string prompt = $"Enter passphrase for key '{bed.KeyPath}': ";
        Assert.Equal([$"({bed.Server.UserName}@127.0.0.1) Password: ", prompt, prompt, prompt], bed.AskpassPrompts);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            $"nvt: the key was added to .ssh/authorized_keys on {bed.Destination} but not tried (the passphrase for {bed.KeyPath} was wrong 3 times); try it with: ssh -p {bed.Server.Port} '{bed.Destination}'",
            lines[^1]);
        Assert.DoesNotContain("check bytes", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_NoAgentAndTheRightPassphraseOnTheSecondTry_ChecksTheKey()
    {
        using var bed = EncryptedKeyBed();
        string askpass = Path.Combine(bed.Home.Root, "askpass-second");
        // Answers the first passphrase prompt wrongly, every later one rightly.
        File.WriteAllText(askpass, $"""
            #!/bin/sh
            printf '%s\n' "$1" >> '{bed.AskpassLog}'
            case $1 in
            *passphrase*) if [ "$(grep -c passphrase '{bed.AskpassLog}')" -lt 2 ]; then echo wrong; else echo '{Passphrase}'; fi ;;
            *) cat '{bed.PasswordFile}' ;;
            esac

            """);
        File.SetUnixFileMode(askpass, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        bed.Home.Variables["SSH_ASKPASS"] = askpass;

        var result = bed.Copy();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(3, bed.AskpassPrompts.Length);
        Assert.DoesNotContain("not tried", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Accepted publickey", bed.Server.Log, StringComparison.Ordinal);
    }

    /// <summary>A bed whose key is an encrypted Ed25519 key made by `nvt keys gen`, its passphrase in the askpass file.</summary>
    private static KeyCopyBed EncryptedKeyBed()
    {
        var bed = new KeyCopyBed();
        File.Delete(bed.KeyPath);
        File.Delete(bed.KeyPath + ".pub");
        var generated = bed.Home.Run("keys", "gen", "-t", "ed25519", "-N", Passphrase, "-C", "encrypted");
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        File.WriteAllText(bed.PassphraseFile, Passphrase + "\n");
        return bed;
    }

    private static string Askpass(KeyCopyBed bed) => bed.Home.Variables["SSH_ASKPASS"];
}
