using System.Security.Cryptography;
using System.Text;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Keys;

/// <summary>Where keys live and how their files are written and read.</summary>
public static class KeyFiles
{
    public const UnixFileMode PrivateKeyMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PublicKeyMode = PrivateKeyMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    public const UnixFileMode SshDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static string SshDirectory(string home) => Path.Combine(home, ".ssh");

    /// <summary>The file ssh-keygen would pick for the type: ~/.ssh/id_rsa or ~/.ssh/id_ed25519.</summary>
    public static string DefaultPath(string home, string typeName) =>
        Path.Combine(SshDirectory(home), typeName == "ssh-ed25519" ? "id_ed25519" : "id_rsa");

    /// <summary>Creates the directory with mode 0700 when it is missing; true when it was created.</summary>
    public static bool EnsureSshDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return false;
        }

        Directory.CreateDirectory(directory, SshDirectoryMode);
        File.SetUnixFileMode(directory, SshDirectoryMode);
        return true;
    }

    /// <summary>Writes the private key (0600) and then FILE.pub (0644), each atomically.</summary>
    public static void WriteKeyPair(string privateKeyPath, string privateKeyText, SshPublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        byte[] privateBytes = Encoding.UTF8.GetBytes(privateKeyText);
        try
        {
            AtomicFile.WriteAllBytes(privateKeyPath, PrivateKeyMode, privateBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateBytes);
        }

        AtomicFile.WriteAllBytes(privateKeyPath + ".pub", PublicKeyMode, Encoding.UTF8.GetBytes(publicKey.ToLine() + "\n"));
    }

    /// <summary>
    /// The public keys a file names, with the comments they are written with (for installing them): every key line of a
    /// public key or authorized_keys file; for a private key the key of FILE.pub when it holds one, else the key inside
    /// the file (an openssh-key-v1 header, with the comment of an unencrypted key, or an unencrypted PEM key). Only a
    /// regular file of at most <see cref="KeyFingerprints.MaxFileBytes"/> is read.
    /// </summary>
    /// <exception cref="KeyFormatException">The file holds no key OpenSSH would read.</exception>
    /// <exception cref="FileReadException">The file is missing, unreadable, not a regular file or too large.</exception>
    public static IReadOnlyList<SshPublicKey> ReadPublicKeys(string path)
    {
        byte[] content = RegularFile.ReadAll(path, KeyFingerprints.MaxFileBytes);
        var lines = PublicKeyLines.Lines(content).ToList();
        if (lines.Count > 0 && lines[0].Line.AsSpan().TrimStart(" \t"u8).IndexOf("PRIVATE KEY"u8) >= 0)
        {
            return [PrivateKeyPublicHalf(path, content)];
        }

        var keys = ReadPublicKeyLines(lines);
        return keys.Count > 0 ? keys : throw new KeyFormatException($"{path} holds no public key");
    }

    /// <summary>
    /// The key as SSH.NET signs with it, read through <see cref="RegularFile"/> (a FIFO named like a key must not block);
    /// null when SSH.NET cannot read it (a FIDO key, a wrong passphrase, a format it does not know).
    /// </summary>
    public static Renci.SshNet.PrivateKeyFile? OpenForSshNet(string path, string? passphrase)
    {
        try
        {
            using var stream = new MemoryStream(RegularFile.ReadAll(path, KeyFingerprints.MaxFileBytes));
            return string.IsNullOrEmpty(passphrase) ? new Renci.SshNet.PrivateKeyFile(stream) : new Renci.SshNet.PrivateKeyFile(stream, passphrase);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the passphrase opens an openssh-key-v1 key (bcrypt and aes256-ctr, checked by nvt's own reader: a wrong
    /// one makes the two check integers differ); null when nvt cannot tell (another format or cipher).
    /// </summary>
    public static bool? PassphraseOpens(string path, string passphrase)
    {
        try
        {
            string text = Encoding.UTF8.GetString(RegularFile.ReadAll(path, KeyFingerprints.MaxFileBytes));
            if (!OpenSshPrivateKeyFormat.IsOpenSshPrivateKey(text))
            {
                return null;
            }

            OpenSshPrivateKeyFormat.Read(text, passphrase);
            return true;
        }
        catch (WrongPassphraseException)
        {
            return false;
        }
        catch (Exception e) when (e is KeyFormatException or IOException)
        {
            return null;
        }
    }

    private static List<SshPublicKey> ReadPublicKeyLines(IEnumerable<(int Number, byte[] Line)> lines)
    {
        var keys = new List<SshPublicKey>();
        foreach (var (_, line) in lines)
        {
            if (PublicKeyLines.ReadLine(line, out var key, out _) == PublicKeyLines.LineKind.Key)
            {
                keys.Add(WithComment(key!.Key, key.Comment));
            }
        }

        return keys;
    }

    private static SshPublicKey PrivateKeyPublicHalf(string path, byte[] content)
    {
        byte[]? pub = null;
        try
        {
            pub = RegularFile.ReadIfExists(path + ".pub", KeyFingerprints.MaxFileBytes);
        }
        catch (FileReadException)
        {
            // A .pub that is a directory or a FIFO is no public key: the private key's own is used, as ssh-keygen does.
        }

        if (pub is not null && ReadPublicKeyLines(PublicKeyLines.Lines(pub)) is [SshPublicKey fromPub, ..])
        {
            return fromPub;
        }

        if (OpenSshKeyFile.PublicKey(content) is SshPublicKey header)
        {
            return WithComment(header, OpenSshKeyFile.PrivateComment(content));
        }

        return PemKeyFile.PublicKey(content)
            ?? throw new KeyFormatException($"{path} is not a key nvt can read (an encrypted PEM key shows its public key only in its .pub file)");
    }

    private static SshPublicKey WithComment(SshPublicKey key, byte[]? comment) =>
        comment is null or { Length: 0 } ? key : new SshPublicKey(key.Blob, Encoding.UTF8.GetString(comment));
}
