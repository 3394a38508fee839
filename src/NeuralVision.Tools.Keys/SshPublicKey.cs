using System.Security.Cryptography;

namespace NeuralVision.Tools.Keys;

/// <summary>A public key: its SSH wire blob and the comment that goes with it (empty when there is none).</summary>
public sealed class SshPublicKey
{
    public SshPublicKey(byte[] blob, string comment)
    {
        Blob = blob;
        Comment = comment;
        var reader = new SshWireReader(blob);
        TypeName = reader.ReadText();
        (DisplayType, Bits) = Describe(TypeName, blob);
    }

    public byte[] Blob { get; }

    public string Comment { get; }

    /// <summary>The SSH type name, e.g. "ssh-rsa".</summary>
    public string TypeName { get; }

    /// <summary>The name ssh-keygen shows, e.g. "RSA" or "ED25519".</summary>
    public string DisplayType { get; }

    public int Bits { get; }

    /// <summary>"SHA256:" and the unpadded base64 of the blob's SHA-256, as ssh-keygen prints it.</summary>
    public string Fingerprint => FingerprintOf(Blob);

    /// <summary>
    /// The fingerprint of any key blob, also of types this class cannot describe: host keys arrive as bare blobs
    /// (SSH.NET's HostKey, a known_hosts field) and are only ever fingerprinted and compared.
    /// </summary>
    public static string FingerprintOf(ReadOnlySpan<byte> blob) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');

    /// <summary>The line of a .pub file (without the newline): "TYPE BASE64 COMMENT", no trailing space without a comment.</summary>
    public string ToLine() =>
        Comment.Length == 0 ? $"{TypeName} {Convert.ToBase64String(Blob)}" : $"{TypeName} {Convert.ToBase64String(Blob)} {Comment}";

    /// <summary>The line `ssh-keygen -l` prints: "BITS FINGERPRINT COMMENT (TYPE)".</summary>
    public string FingerprintLine() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Bits} {Fingerprint} {(Comment.Length == 0 ? "no comment" : Comment)} ({DisplayType})");

    public string Randomart() => KeyRandomart.Draw(SHA256.HashData(Blob), $"{DisplayType} {Bits}", DisplayType, "SHA256");

    /// <summary>
    /// Parses one public key line: "TYPE BASE64 [COMMENT]", or an authorized_keys line with options before the type.
    /// Returns null for a blank or comment line.
    /// </summary>
    public static SshPublicKey? ParseLine(string line)
    {
        string text = line.Trim();
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        string[] fields = text.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        // authorized_keys lines may start with options; the key starts at the first field that names a key type.
        for (int start = 0; start < fields.Length; start++)
        {
            if (IsKnownType(fields[start]) && start + 1 < fields.Length)
            {
                string rest = string.Join(' ', fields.Skip(start));
                string[] parts = rest.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
                byte[] blob;
                try
                {
                    blob = Convert.FromBase64String(parts[1]);
                }
                catch (FormatException e)
                {
                    throw new KeyFormatException("the public key is not valid base64", e);
                }

                var key = new SshPublicKey(blob, parts.Length > 2 ? parts[2].Trim() : "");
                if (key.TypeName != parts[0])
                {
                    throw new KeyFormatException($"the key data is of type {key.TypeName}, not {parts[0]}");
                }

                return key;
            }
        }

        throw new KeyFormatException("not a public key line");
    }

    private static bool IsKnownType(string name) =>
        name is "ssh-rsa" or "ssh-ed25519" or "ssh-dss" or "sk-ssh-ed25519@openssh.com" or "sk-ecdsa-sha2-nistp256@openssh.com"
        || name.StartsWith("ecdsa-sha2-", StringComparison.Ordinal);

    private static (string DisplayType, int Bits) Describe(string typeName, byte[] blob)
    {
        var reader = new SshWireReader(blob);
        reader.ReadString();
        switch (typeName)
        {
            case "ssh-rsa":
                reader.ReadMpint();
                return ("RSA", RsaPrivateKey.BitLength(reader.ReadMpint()));
            case "ssh-dss":
                return ("DSA", RsaPrivateKey.BitLength(reader.ReadMpint()));
            case "ssh-ed25519":
                return ("ED25519", 256);
            case "sk-ssh-ed25519@openssh.com":
                return ("ED25519-SK", 256);
            case "sk-ecdsa-sha2-nistp256@openssh.com":
                return ("ECDSA-SK", 256);
            case "ecdsa-sha2-nistp256":
                return ("ECDSA", 256);
            case "ecdsa-sha2-nistp384":
                return ("ECDSA", 384);
            case "ecdsa-sha2-nistp521":
                return ("ECDSA", 521);
            default:
                throw new KeyFormatException($"unsupported key type {typeName}");
        }
    }
}
