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
    /// The public keys a file names, as `ssh-keygen -l -f FILE` finds them: every key line of a public key or
    /// authorized_keys file; for an OpenSSH private key the key of FILE.pub when it exists (for its comment), else the
    /// key inside the file (with its comment only when the file is not encrypted); for a PEM RSA key the same .pub
    /// rule, else the public half of the unencrypted key.
    /// </summary>
    public static IReadOnlyList<SshPublicKey> ReadPublicKeys(string path)
    {
        string text = File.ReadAllText(path);
        string firstLine = text.TrimStart().Split('\n', 2)[0];
        if (firstLine.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            string publicPath = path + ".pub";
            if (File.Exists(publicPath) && ReadPublicKeyLines(File.ReadAllText(publicPath)) is [SshPublicKey fromPub, ..])
            {
                return [fromPub];
            }

            return [ReadPrivateKeyPublicHalf(text)];
        }

        var keys = ReadPublicKeyLines(text);
        if (keys.Count == 0)
        {
            throw new KeyFormatException($"{path} holds no public key");
        }

        return keys;
    }

    private static List<SshPublicKey> ReadPublicKeyLines(string text)
    {
        var keys = new List<SshPublicKey>();
        foreach (string line in text.Split('\n'))
        {
            if (SshPublicKey.ParseLine(line) is SshPublicKey key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private static SshPublicKey ReadPrivateKeyPublicHalf(string text)
    {
        if (OpenSshPrivateKeyFormat.IsOpenSshPrivateKey(text))
        {
            if (OpenSshPrivateKeyFormat.IsEncrypted(text))
            {
                return OpenSshPrivateKeyFormat.ReadPublicKey(text);
            }

            return OpenSshPrivateKeyFormat.ReadUnencryptedPublicKey(text);
        }

        if (text.Contains("ENCRYPTED", StringComparison.Ordinal))
        {
            throw new KeyFormatException("an encrypted PEM key does not show its public key; use its .pub file");
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(text);
        }
        catch (ArgumentException e)
        {
            throw new KeyFormatException("not a key nvt can read (OpenSSH, PEM RSA or public key)", e);
        }

        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        byte[] blob = new SshWireWriter().WriteString("ssh-rsa").WriteMpint(parameters.Exponent).WriteMpint(parameters.Modulus).ToArray();
        return new SshPublicKey(blob, "");
    }
}
