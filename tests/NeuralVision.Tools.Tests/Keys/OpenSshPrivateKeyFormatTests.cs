using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Tests.Keys;

public sealed class OpenSshPrivateKeyFormatTests
{
    public static TheoryData<string, string?> SshKeygenKeys => new()
    {
        { KeyFixtures.Ed25519PlainPrivateKey, null },
        { KeyFixtures.Ed25519EncryptedPrivateKey, KeyFixtures.Passphrase },
        { KeyFixtures.Rsa2048EncryptedPrivateKey, KeyFixtures.Passphrase },
    };

    // The writer against ssh-keygen: with ssh-keygen's own random inputs (check integer, salt, rounds) read back from
    // its file, nvt writes the very same bytes.
    [Theory]
    [MemberData(nameof(SshKeygenKeys))]
    public void Write_SameInputsAsSshKeygen_ReproducesItsFileExactly(string sshKeygenFile, string? passphrase)
    {
        var decoded = OpenSshPrivateKeyFormat.Read(sshKeygenFile, passphrase);

        string written = OpenSshPrivateKeyFormat.Write(decoded.Key, decoded.Comment, decoded.CheckInt, passphrase, decoded.Encryption);

        Assert.Equal(sshKeygenFile + "\n", written);
    }

    [Fact]
    public void Read_SshKeygenEd25519_PublicKeyMatchesItsPubFile()
    {
        var decoded = OpenSshPrivateKeyFormat.Read(KeyFixtures.Ed25519EncryptedPrivateKey, KeyFixtures.Passphrase);

        Assert.Equal(KeyFixtures.Ed25519EncryptedPublicKey, decoded.Key.PublicKey(decoded.Comment).ToLine());
        Assert.Equal(8, decoded.Encryption!.Rounds);
    }

    [Fact]
    public void Read_WrongPassphrase_ThrowsWrongPassphrase()
    {
        Assert.Throws<WrongPassphraseException>(() => OpenSshPrivateKeyFormat.Read(KeyFixtures.Ed25519EncryptedPrivateKey, "wrong"));
        Assert.Throws<WrongPassphraseException>(() => OpenSshPrivateKeyFormat.Read(KeyFixtures.Ed25519EncryptedPrivateKey, null));
    }

    [Fact]
    public void ReadPublicKey_EncryptedFile_NeedsNoPassphrase()
    {
        var key = OpenSshPrivateKeyFormat.ReadPublicKey(KeyFixtures.Rsa2048EncryptedPrivateKey);

        Assert.Equal(KeyFixtures.Rsa2048EncryptedPublicKey.Split(' ')[1], Convert.ToBase64String(key.Blob));
    }

    [Fact]
    public void Write_Encrypted_LayoutIsOpenSshs()
    {
        var key = Ed25519PrivateKey.FromSeed(new byte[32]);

        string text = OpenSshPrivateKeyFormat.Write(key, "c", "pass", rounds: 2);

        string[] lines = text.Split('\n');
        Assert.Equal(OpenSshPrivateKeyFormat.BeginMarker, lines[0]);
        Assert.Equal(OpenSshPrivateKeyFormat.EndMarker, lines[^2]);
        Assert.Equal("", lines[^1]);
        Assert.All(lines[1..^3], line => Assert.Equal(70, line.Length));
        byte[] data = Convert.FromBase64String(string.Concat(lines[1..^2]));
        var reader = new SshWireReader(data);
        Assert.Equal("openssh-key-v1\0"u8.ToArray(), reader.ReadRaw(15).ToArray());
        Assert.Equal("aes256-ctr", reader.ReadText());
        Assert.Equal("bcrypt", reader.ReadText());
        var options = new SshWireReader(reader.ReadString());
        Assert.Equal(16, options.ReadString().Length);
        Assert.Equal(2u, options.ReadUInt32());
        Assert.Equal(1u, reader.ReadUInt32());
        Assert.Equal(key.PublicBlob(), reader.ReadString().ToArray());
        Assert.Equal(0, reader.ReadString().Length % 16);
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Write_Unencrypted_PadsWith123ToEightBytes()
    {
        var key = Ed25519PrivateKey.FromSeed(new byte[32]);

        var decoded = OpenSshPrivateKeyFormat.Read(OpenSshPrivateKeyFormat.Write(key, "abc", passphrase: null), null);

        Assert.Null(decoded.Encryption);
        Assert.Equal("abc", decoded.Comment);
        Assert.Equal(key.Seed, ((Ed25519PrivateKey)decoded.Key).Seed);
    }

    [Fact]
    public void Ed25519FromSeed_ZeroSeed_HasRfc8032PublicKey()
    {
        // RFC 8032 section 7.1 TEST 1 uses a different seed; the all-zero seed's public key is the well-known
        // 3b6a27bc… value.
        var key = Ed25519PrivateKey.FromSeed(new byte[32]);

        Assert.Equal("3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29", Convert.ToHexStringLower(key.PublicKeyBytes));
    }

    [Fact]
    public void RsaGenerate_2048_WritesAndReadsBack()
    {
        var key = RsaPrivateKey.Generate(2048);

        var decoded = OpenSshPrivateKeyFormat.Read(OpenSshPrivateKeyFormat.Write(key, "rsa", "pw", rounds: 1), "pw");

        Assert.Equal(key.PublicBlob(), decoded.Key.PublicBlob());
        Assert.Equal(2048, key.PublicKey("").Bits);
    }
}
