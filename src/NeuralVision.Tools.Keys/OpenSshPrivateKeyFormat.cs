using System.Security.Cryptography;
using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// The openssh-key-v1 private key file (OpenSSH PROTOCOL.key), written field by field in OpenSSH's order: magic,
/// cipher, KDF, KDF options, one public key, then the private section (two equal check integers, the key, the comment,
/// padding 1, 2, 3, …), encrypted as a whole with aes256-ctr when there is a passphrase.
/// </summary>
public static class OpenSshPrivateKeyFormat
{
    public const string BeginMarker = "-----BEGIN OPENSSH PRIVATE KEY-----";
    public const string EndMarker = "-----END OPENSSH PRIVATE KEY-----";

    private const int LineWidth = 70;
    private const int UnencryptedBlockSize = 8;

    private static ReadOnlySpan<byte> Magic => "openssh-key-v1\0"u8;

    /// <summary>The file text for a new key: random check integer, and with a passphrase a random salt.</summary>
    public static string Write(SshPrivateKey key, string comment, string? passphrase, int rounds = KeyEncryption.DefaultRounds)
    {
        ArgumentNullException.ThrowIfNull(key);
        uint checkInt = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
        var encryption = string.IsNullOrEmpty(passphrase) ? null : KeyEncryption.Random(rounds);
        return Write(key, comment, checkInt, passphrase, encryption);
    }

    /// <summary>The file text with every random input given, so tests can reproduce a file byte for byte.</summary>
    public static string Write(SshPrivateKey key, string comment, uint checkInt, string? passphrase, KeyEncryption? encryption)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool encrypted = encryption is not null;
        if (encrypted && string.IsNullOrEmpty(passphrase))
        {
            throw new ArgumentException("an encrypted key needs a passphrase", nameof(passphrase));
        }

        var file = new SshWireWriter().WriteRaw(Magic);
        if (encryption is null)
        {
            file.WriteString("none").WriteString("none").WriteString([]);
        }
        else
        {
            byte[] kdfOptions = new SshWireWriter().WriteString(encryption.Salt).WriteUInt32((uint)encryption.Rounds).ToArray();
            file.WriteString("aes256-ctr").WriteString("bcrypt").WriteString(kdfOptions);
        }

        file.WriteUInt32(1).WriteString(key.PublicBlob());

        var section = new SshWireWriter().WriteUInt32(checkInt).WriteUInt32(checkInt).WriteString(key.TypeName);
        key.WritePrivateFields(section);
        section.WriteString(comment);
        int blockSize = encrypted ? AesCtr.BlockSize : UnencryptedBlockSize;
        for (byte pad = 1; section.Length % blockSize != 0; pad++)
        {
            section.WriteRaw([pad]);
        }

        byte[] plain = section.ToArray();
        if (encryption is null)
        {
            file.WriteString(plain);
        }
        else
        {
            byte[] keyAndIv = DeriveKeyAndIv(passphrase!, encryption);
            file.WriteString(AesCtr.Transform(keyAndIv.AsSpan(0, AesCtr.KeySize), keyAndIv.AsSpan(AesCtr.KeySize), plain));
            CryptographicOperations.ZeroMemory(keyAndIv);
        }

        CryptographicOperations.ZeroMemory(plain);
        return Armour(file.ToArray());
    }

    /// <summary>True when the text looks like an openssh-key-v1 file.</summary>
    public static bool IsOpenSshPrivateKey(string text) => text.TrimStart().StartsWith(BeginMarker, StringComparison.Ordinal);

    /// <summary>The public key stored in clear at the start of the file: no passphrase needed. The comment is empty.</summary>
    public static SshPublicKey ReadPublicKey(string text)
    {
        var header = ReadHeader(Dearmour(text));
        return new SshPublicKey(header.PublicBlob, "");
    }

    /// <summary>
    /// The public key and comment of an unencrypted file of any common type (ECDSA and DSA too, which nvt does not
    /// generate): the comment sits after the private fields, so those are skipped by their known shapes.
    /// </summary>
    public static SshPublicKey ReadUnencryptedPublicKey(string text)
    {
        var header = ReadHeader(Dearmour(text));
        if (header.Cipher != "none")
        {
            throw new WrongPassphraseException("the key is encrypted");
        }

        var reader = new SshWireReader(header.PrivateSection);
        reader.ReadUInt32();
        reader.ReadUInt32();
        string type = reader.ReadText();
        int fields = type switch
        {
            "ssh-rsa" => 6, // n e d iqmp p q
            "ssh-dss" => 5, // p q g y x
            "ssh-ed25519" => 2, // pk sk
            _ when type.StartsWith("ecdsa-sha2-", StringComparison.Ordinal) => 3, // curve Q d
            _ => throw new KeyFormatException($"unsupported private key type {type}"),
        };
        for (int i = 0; i < fields; i++)
        {
            reader.ReadString();
        }

        return new SshPublicKey(header.PublicBlob, reader.ReadText());
    }

    /// <summary>True when the file is encrypted (a passphrase is needed to read its private section).</summary>
    public static bool IsEncrypted(string text) => ReadHeader(Dearmour(text)).Cipher != "none";

    /// <summary>Reads and, with the passphrase, decrypts the whole file.</summary>
    /// <exception cref="WrongPassphraseException">The passphrase is missing or does not decrypt the key.</exception>
    public static DecodedPrivateKey Read(string text, string? passphrase)
    {
        var header = ReadHeader(Dearmour(text));
        if (header.Unsupported is not null)
        {
            throw new KeyFormatException(header.Unsupported);
        }

        byte[] plain;
        if (header.Encryption is null)
        {
            plain = header.PrivateSection;
        }
        else
        {
            if (string.IsNullOrEmpty(passphrase))
            {
                throw new WrongPassphraseException("the key is encrypted and no passphrase was given");
            }

            byte[] keyAndIv = DeriveKeyAndIv(passphrase, header.Encryption);
            plain = AesCtr.Transform(keyAndIv.AsSpan(0, AesCtr.KeySize), keyAndIv.AsSpan(AesCtr.KeySize), header.PrivateSection);
            CryptographicOperations.ZeroMemory(keyAndIv);
        }

        var reader = new SshWireReader(plain);
        uint check1 = reader.ReadUInt32();
        uint check2 = reader.ReadUInt32();
        if (check1 != check2)
        {
            throw header.Encryption is null ? new KeyFormatException("the key's check integers differ") : new WrongPassphraseException();
        }

        string type = reader.ReadText();
        SshPrivateKey key = type switch
        {
            "ssh-rsa" => ReadRsa(ref reader),
            "ssh-ed25519" => ReadEd25519(ref reader),
            _ => throw new KeyFormatException($"unsupported private key type {type}"),
        };
        string comment = reader.ReadText();
        var padding = reader.Rest;
        for (int i = 0; i < padding.Length; i++)
        {
            if (padding[i] != (byte)(i + 1))
            {
                throw new KeyFormatException("the key's padding is wrong");
            }
        }

        if (!key.PublicBlob().AsSpan().SequenceEqual(header.PublicBlob))
        {
            throw new KeyFormatException("the private key does not match the public key in the same file");
        }

        return new DecodedPrivateKey(key, comment, check1, header.Encryption);
    }

    private static RsaPrivateKey ReadRsa(ref SshWireReader reader)
    {
        byte[] n = reader.ReadMpint().ToArray();
        byte[] e = reader.ReadMpint().ToArray();
        byte[] d = reader.ReadMpint().ToArray();
        byte[] iqmp = reader.ReadMpint().ToArray();
        byte[] p = reader.ReadMpint().ToArray();
        byte[] q = reader.ReadMpint().ToArray();
        return new RsaPrivateKey(n, e, d, iqmp, p, q);
    }

    private static Ed25519PrivateKey ReadEd25519(ref SshWireReader reader)
    {
        byte[] publicKey = reader.ReadString().ToArray();
        var secret = reader.ReadString();
        if (publicKey.Length != Ed25519PrivateKey.Size || secret.Length != 2 * Ed25519PrivateKey.Size)
        {
            throw new KeyFormatException("the Ed25519 key has the wrong size");
        }

        return new Ed25519PrivateKey(secret[..Ed25519PrivateKey.Size].ToArray(), publicKey);
    }

    private static byte[] DeriveKeyAndIv(string passphrase, KeyEncryption encryption)
    {
        byte[] password = Encoding.UTF8.GetBytes(passphrase);
        try
        {
            return BcryptPbkdf.DeriveKey(password, encryption.Salt, encryption.Rounds, AesCtr.KeySize + AesCtr.BlockSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    private static OpenSshKeyHeader ReadHeader(byte[] data)
    {
        var reader = new SshWireReader(data);
        if (!reader.ReadRaw(Magic.Length).SequenceEqual(Magic))
        {
            throw new KeyFormatException("not an openssh-key-v1 file");
        }

        string cipher = reader.ReadText();
        string kdf = reader.ReadText();
        var kdfOptions = reader.ReadString();
        KeyEncryption? encryption = null;
        string? unsupported = null;
        if (cipher == "aes256-ctr" && kdf == "bcrypt")
        {
            var options = new SshWireReader(kdfOptions);
            byte[] salt = options.ReadString().ToArray();
            uint rounds = options.ReadUInt32();
            if (rounds is 0 or > int.MaxValue)
            {
                throw new KeyFormatException("the key's bcrypt rounds are out of range");
            }

            encryption = new KeyEncryption(salt, (int)rounds);
        }
        else if (cipher != "none" || kdf != "none")
        {
            // Other ciphers (ssh-keygen -Z) still keep the public key in clear: only decrypting them is refused.
            unsupported = $"unsupported key encryption {cipher} with KDF {kdf} (nvt decrypts aes256-ctr with bcrypt)";
        }

        if (reader.ReadUInt32() != 1)
        {
            throw new KeyFormatException("the file holds more than one key");
        }

        byte[] publicBlob = reader.ReadString().ToArray();
        byte[] privateSection = reader.ReadString().ToArray();
        return new OpenSshKeyHeader(cipher, encryption, publicBlob, privateSection, unsupported);
    }

    private static string Armour(byte[] data)
    {
        string base64 = Convert.ToBase64String(data);
        var text = new StringBuilder(BeginMarker).Append('\n');
        for (int start = 0; start < base64.Length; start += LineWidth)
        {
            text.Append(base64, start, Math.Min(LineWidth, base64.Length - start)).Append('\n');
        }

        return text.Append(EndMarker).Append('\n').ToString();
    }

    private static byte[] Dearmour(string text)
    {
        int begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
        int end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new KeyFormatException("not an OpenSSH private key (no BEGIN/END OPENSSH PRIVATE KEY lines)");
        }

        string body = text[(begin + BeginMarker.Length)..end];
        try
        {
            return Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException e)
        {
            throw new KeyFormatException("the private key is not valid base64", e);
        }
    }
}
