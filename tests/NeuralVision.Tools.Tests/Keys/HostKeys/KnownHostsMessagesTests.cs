using NeuralVision.Tools.Keys.HostKeys;
using static NeuralVision.Tools.Tests.Keys.HostKeys.KnownHostsTestKeys;

namespace NeuralVision.Tools.Tests.Keys.HostKeys;

public sealed class KnownHostsMessagesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ChangedWarning_IsSshsTextWithFingerprintOffendingLineAndHint()
    {
        string user = Write("known_hosts", $"elsewhere {Field(Ed25519(1))}");
        string system = Write("ssh_known_hosts", "# pinned", $"[puffin]:2222 {Field(Ed25519(2))}");
        var result = KnownHosts.Check([user, system], "Puffin", 2222, Fixture);

        string text = KnownHostsMessages.ChangedWarning(result, user);

        Assert.Equal($"""
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
            Someone could be eavesdropping on you right now (man-in-the-middle attack)!
            It is also possible that a host key has just been changed.
            The fingerprint for the ED25519 key sent by the remote host is
            {FixtureFingerprint}.
            Please contact your system administrator.
            Add correct host key in {user} to get rid of this message.
            Offending ED25519 key in {system}:2
              remove with:
              ssh-keygen -f '{system}' -R '[puffin]:2222'
            Host key verification failed.

            """, text);
    }

    [Fact]
    public void ChangedWarning_QuoteInThePath_IsEscapedForTheShell()
    {
        string dir = temp.MakeDirectory("it's");
        string file = Path.Combine(dir, "known_hosts");
        File.WriteAllText(file, $"puffin {Field(Ed25519(2))}\n");

        string text = KnownHostsMessages.ChangedWarning(KnownHosts.Check([file], "puffin", 22, Ed25519(1)), file);

        Assert.Contains($"  ssh-keygen -f '{temp.Path}/it'\\''s/known_hosts' -R 'puffin'\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedWarning_ForAnotherStatus_Throws()
    {
        var unknown = KnownHosts.Check([Write("known_hosts", "")], "puffin", 22, Ed25519(1));

        Assert.Throws<ArgumentException>(() => KnownHostsMessages.ChangedWarning(unknown, "kh"));
        Assert.Throws<ArgumentException>(() => KnownHostsMessages.RevokedWarning(unknown));
    }

    [Fact]
    public void RevokedWarning_NamesTypeHostAndTheRevokedLine()
    {
        string file = Write("known_hosts", $"@revoked * {Field(Fixture)}");

        string text = KnownHostsMessages.RevokedWarning(KnownHosts.Check([file], "Puffin", 22, Fixture));

        Assert.Equal($"""
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            @       WARNING: REVOKED HOST KEY DETECTED!               @
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            The ED25519 host key for puffin is marked as revoked.
            This could mean that a stolen key is being used to
            impersonate this host.
            Revoked ED25519 key in {file}:1
            Host key verification failed.

            """, text);
    }

    [Fact]
    public void UnknownHostPrompt_NewHost()
    {
        var result = KnownHosts.Check([Write("known_hosts", "")], "puffin", 2222, Fixture);

        Assert.Equal($"""
            The authenticity of host '[puffin]:2222 ([192.0.2.7]:2222)' can't be established.
            ED25519 key fingerprint is {FixtureFingerprint}.
            Are you sure you want to continue connecting (yes/no/[fingerprint])? 
            """, KnownHostsMessages.UnknownHostPrompt(result, "[192.0.2.7]:2222"));
        Assert.StartsWith("The authenticity of host '[puffin]:2222' can't", KnownHostsMessages.UnknownHostPrompt(result, null), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownHostPrompt_OtherKeyTypesKnown_ListsThemAndSaysSo()
    {
        string file = Write("known_hosts", "# old", $"puffin {Field(Rsa(1))}");
        var result = KnownHosts.Check([file], "puffin", 22, Fixture);

        Assert.Equal($"""
            WARNING: RSA key found for host puffin
            in {file}:2
            RSA key fingerprint {result.OtherKeys[0].Fingerprint}.
            The authenticity of host 'puffin (192.0.2.7)' can't be established
            but keys of different type are already known for this host.
            ED25519 key fingerprint is {FixtureFingerprint}.
            Are you sure you want to continue connecting (yes/no/[fingerprint])? 
            """, KnownHostsMessages.UnknownHostPrompt(result, "192.0.2.7"));
    }

    [Theory]
    [InlineData("yes", HostKeyAnswer.Accept)]
    [InlineData("YES", HostKeyAnswer.Accept)]
    [InlineData("  Yes \n", HostKeyAnswer.Accept)]
    [InlineData("yes please", HostKeyAnswer.Accept)]
    [InlineData("no", HostKeyAnswer.Refuse)]
    [InlineData("No\n", HostKeyAnswer.Refuse)]
    [InlineData("", HostKeyAnswer.Refuse)]
    [InlineData("  \n", HostKeyAnswer.Refuse)]
    [InlineData(null, HostKeyAnswer.Refuse)]
    [InlineData("y", HostKeyAnswer.AskAgain)]
    [InlineData("maybe", HostKeyAnswer.AskAgain)]
    [InlineData(FixtureFingerprint, HostKeyAnswer.Accept)]
    [InlineData(" " + FixtureFingerprint + "\n", HostKeyAnswer.Accept)]
    [InlineData("sha256:Z/eNyjmBnnUoWbxC0EsM+R3oFbre9rSkHGCH7y57aHc", HostKeyAnswer.AskAgain)]
    [InlineData("SHA256:Z/eNyjmBnnUoWbxC0EsM+R3oFbre9rSkHGCH7y57aHC", HostKeyAnswer.AskAgain)]
    [InlineData("SHA256:Z/eNyjmBnnUoWbxC0EsM+R3oFbre9rSkHGCH7y57aH", HostKeyAnswer.AskAgain)]
    public void ParseAnswer(string? answer, HostKeyAnswer expected)
    {
        Assert.Equal(expected, KnownHostsMessages.ParseAnswer(answer, FixtureFingerprint));
    }

    [Fact]
    public void AskAgainPrompt_IsSshsText()
    {
        Assert.Equal("Please type 'yes', 'no' or the fingerprint: ", KnownHostsMessages.AskAgainPrompt);
    }

    [Fact]
    public void PermanentlyAdded_NamesHostAndType()
    {
        Assert.Equal("Warning: Permanently added '[puffin]:2222' (ECDSA) to the list of known hosts.\n",
            KnownHostsMessages.PermanentlyAdded("[puffin]:2222", "ecdsa-sha2-nistp384"));
    }

    [Fact]
    public void Fingerprint_OfTheServerKey_IsSshKeygens()
    {
        var result = KnownHosts.Check([Write("known_hosts", "")], "puffin", 22, Fixture);

        Assert.Equal(FixtureFingerprint, result.Fingerprint);
    }

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
