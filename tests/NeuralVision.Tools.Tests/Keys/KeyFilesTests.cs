using NeuralVision.Tools.Keys;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Tests.Keys;

public sealed class KeyFilesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void AtomicFile_PrivateMode_IsSetBeforeTheFirstByte()
    {
        string path = Path.Combine(temp.Path, "id_test");
        UnixFileMode? modeWhileWriting = null;

        AtomicFile.Write(path, KeyFiles.PrivateKeyMode, stream =>
        {
            modeWhileWriting = File.GetUnixFileMode(stream.Name);
            stream.Write("secret"u8);
        });

        Assert.Equal(KeyFiles.PrivateKeyMode, modeWhileWriting);
        Assert.Equal(KeyFiles.PrivateKeyMode, File.GetUnixFileMode(path));
        Assert.Equal("secret", File.ReadAllText(path));
    }

    [Fact]
    public void AtomicFile_FailureHalfway_LeavesOldFileAndNoTempFile()
    {
        string path = Path.Combine(temp.Path, "id_test");
        File.WriteAllText(path, "old key");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, KeyFiles.PrivateKeyMode, stream =>
        {
            stream.Write("half a ne"u8);
            throw new IOException("simulated failure (disk full)");
        }));

        Assert.Equal("old key", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void AtomicFile_NoOldFile_FailureLeavesNothing()
    {
        string path = Path.Combine(temp.Path, "id_test");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, KeyFiles.PrivateKeyMode, _ => throw new InvalidOperationException("interrupted")));

        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void WriteKeyPair_Modes_Are0600And0644()
    {
        string path = Path.Combine(temp.Path, "id_ed25519");
        var key = Ed25519PrivateKey.Generate();

        KeyFiles.WriteKeyPair(path, OpenSshPrivateKeyFormat.Write(key, "c", null), key.PublicKey("c"));

        Assert.Equal(KeyFiles.PrivateKeyMode, File.GetUnixFileMode(path));
        Assert.Equal(KeyFiles.PublicKeyMode, File.GetUnixFileMode(path + ".pub"));
        Assert.Equal(key.PublicKey("c").ToLine() + "\n", File.ReadAllText(path + ".pub"));
    }

    [Fact]
    public void ReadPublicKeys_EncryptedPrivateKeyWithoutPub_HasNoComment()
    {
        string path = Path.Combine(temp.Path, "id_ed25519");
        File.WriteAllText(path, KeyFixtures.Ed25519EncryptedPrivateKey + "\n");

        var key = Assert.Single(KeyFiles.ReadPublicKeys(path));

        Assert.Equal(KeyFixtures.Ed25519EncryptedRandomart.Split('\n')[0].Replace("encrypted fixture", "no comment", StringComparison.Ordinal), key.FingerprintLine());
    }

    [Fact]
    public void ReadPublicKeys_ChachaEncryptedKey_ShowsFingerprintButCannotBeDecrypted()
    {
        string path = Path.Combine(temp.Path, "id_ed25519");
        File.WriteAllText(path, KeyFixtures.Ed25519ChachaPrivateKey + "\n");

        Assert.Equal(KeyFixtures.Ed25519ChachaFingerprint, Assert.Single(KeyFiles.ReadPublicKeys(path)).FingerprintLine());
        Assert.Throws<KeyFormatException>(() => OpenSshPrivateKeyFormat.Read(KeyFixtures.Ed25519ChachaPrivateKey, "pw"));
    }

    [Fact]
    public void ReadPublicKeys_PlainPrivateKeyWithoutPub_HasItsComment()
    {
        string path = Path.Combine(temp.Path, "id_ed25519");
        File.WriteAllText(path, KeyFixtures.Ed25519PlainPrivateKey + "\n");

        var key = Assert.Single(KeyFiles.ReadPublicKeys(path));

        Assert.Equal(KeyFixtures.Ed25519PlainRandomart.Split('\n')[0], key.FingerprintLine());
    }

    [Fact]
    public void ReadPublicKeys_PrivateKeyWithPub_TakesThePubComment()
    {
        string path = Path.Combine(temp.Path, "id_rsa");
        File.WriteAllText(path, KeyFixtures.Rsa2048EncryptedPrivateKey + "\n");
        File.WriteAllText(path + ".pub", KeyFixtures.Rsa2048EncryptedPublicKey + "\n");

        var key = Assert.Single(KeyFiles.ReadPublicKeys(path));

        Assert.Equal(KeyFixtures.Rsa2048EncryptedRandomart.Split('\n')[0], key.FingerprintLine());
    }

    [Fact]
    public void ReadPublicKeys_PemRsaWithoutPub_DerivesThePublicKey()
    {
        string path = Path.Combine(temp.Path, "id_rsa");
        File.WriteAllText(path, KeyFixtures.Rsa2048PemPrivateKey + "\n");

        var key = Assert.Single(KeyFiles.ReadPublicKeys(path));

        Assert.Equal(KeyFixtures.Rsa2048PemPublicKey.Split(' ')[1], Convert.ToBase64String(key.Blob));
    }

    [Fact]
    public void ReadPublicKeys_AuthorizedKeys_ReadsEveryLine()
    {
        string path = Path.Combine(temp.Path, "authorized_keys");
        File.WriteAllText(path, $"# keys\n{KeyFixtures.Ed25519PlainPublicKey}\n\n{KeyFixtures.Rsa2048PemPublicKey}\n");

        Assert.Equal(2, KeyFiles.ReadPublicKeys(path).Count);
    }
}
