using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Tests.Keys;

public sealed class FingerprintTests
{
    public static TheoryData<string, string> PublicKeysAndSshKeygenOutput => new()
    {
        { KeyFixtures.Ed25519PlainPublicKey, KeyFixtures.Ed25519PlainRandomart },
        { KeyFixtures.Ed25519EncryptedPublicKey, KeyFixtures.Ed25519EncryptedRandomart },
        { KeyFixtures.Rsa2048EncryptedPublicKey, KeyFixtures.Rsa2048EncryptedRandomart },
        { KeyFixtures.Rsa2048PemPublicKey, KeyFixtures.Rsa2048PemRandomart },
    };

    // `ssh-keygen -lv -f KEY.pub`: the fingerprint line, then the picture.
    [Theory]
    [MemberData(nameof(PublicKeysAndSshKeygenOutput))]
    public void FingerprintAndRandomart_EqualSshKeygens(string publicKeyLine, string sshKeygenOutput)
    {
        var key = SshPublicKey.ParseLine(publicKeyLine)!;

        Assert.Equal(sshKeygenOutput, key.FingerprintLine() + "\n" + key.Randomart().TrimEnd('\n'));
    }

    [Fact]
    public void ParseLine_NoComment_ShowsNoComment()
    {
        string line = string.Join(' ', KeyFixtures.Ed25519PlainPublicKey.Split(' ')[..2]);

        var key = SshPublicKey.ParseLine(line)!;

        Assert.Equal("", key.Comment);
        Assert.Equal(line, key.ToLine());
        Assert.EndsWith(" no comment (ED25519)", key.FingerprintLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLine_AuthorizedKeysOptions_AreSkipped()
    {
        var key = SshPublicKey.ParseLine("from=\"10.0.0.1\",no-pty " + KeyFixtures.Ed25519PlainPublicKey)!;

        Assert.Equal("fixture@nvt", key.Comment);
    }

    [Fact]
    public void ParseLine_BlankOrComment_ReturnsNull()
    {
        Assert.Null(SshPublicKey.ParseLine("   "));
        Assert.Null(SshPublicKey.ParseLine("# a comment"));
    }

    [Fact]
    public void Randomart_LongTitle_FallsBackLikeOpenSsh()
    {
        string picture = KeyRandomart.Draw(new byte[32], "ECDSA-SK-CERT 256", "ECDSA-SK-CERT", "SHA256");

        Assert.StartsWith("+-[ECDSA-SK-CERT]-+\n", picture, StringComparison.Ordinal);
        Assert.EndsWith("+----[SHA256]-----+", picture, StringComparison.Ordinal);
    }
}
