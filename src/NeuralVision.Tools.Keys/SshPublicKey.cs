using System.Security.Cryptography;
using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// A public key: its SSH wire blob, checked as OpenSSH checks it (<see cref="PublicKeyBlob"/>), and the comment that
/// goes with it (empty when there is none).
/// </summary>
public sealed class SshPublicKey
{
    /// <exception cref="KeyFormatException">The blob is not a key OpenSSH would read.</exception>
    public SshPublicKey(byte[] blob, string comment)
    {
        ArgumentNullException.ThrowIfNull(blob);
        Blob = blob;
        Comment = comment;
        Description = PublicKeyBlob.Parse(blob);
    }

    public byte[] Blob { get; }

    public string Comment { get; }

    /// <summary>What the blob holds: type, bits, and the plain key the fingerprint is taken over.</summary>
    public PublicKeyBlob Description { get; }

    /// <summary>The SSH type name, e.g. "ssh-rsa" (as the blob names it).</summary>
    public string TypeName => Description.TypeName;

    /// <summary>The name ssh-keygen shows, e.g. "RSA", "ED25519" or "RSA-CERT".</summary>
    public string DisplayType => Description.Type.DisplayName;

    public int Bits => Description.Bits;

    /// <summary>
    /// "SHA256:" and the unpadded base64 of the SHA-256 of the plain key, re-encoded, as ssh-keygen prints it (for a
    /// certificate, the key it certifies).
    /// </summary>
    public string Fingerprint => FingerprintOf(Description.PlainBlob);

    /// <summary>
    /// The fingerprint of any key blob, also of types this class cannot describe: host keys arrive as bare blobs
    /// (SSH.NET's HostKey, a known_hosts field) and are only ever fingerprinted and compared.
    /// </summary>
    public static string FingerprintOf(ReadOnlySpan<byte> blob) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');

    /// <summary>The line of a .pub file (without the newline): "TYPE BASE64 COMMENT", no trailing space without a comment.</summary>
    public string ToLine() =>
        Comment.Length == 0 ? $"{TypeName} {Convert.ToBase64String(Blob)}" : $"{TypeName} {Convert.ToBase64String(Blob)} {Comment}";

    /// <summary>The line `ssh-keygen -l` prints: "BITS FINGERPRINT COMMENT (TYPE)" (unescaped; see KeyFingerprints for printing).</summary>
    public string FingerprintLine() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Bits} {Fingerprint} {(Comment.Length == 0 ? "no comment" : Comment)} ({DisplayType})");

    public string Randomart() => KeyRandomart.Draw(SHA256.HashData(Description.PlainBlob), $"{DisplayType} {Bits}", DisplayType, "SHA256");

    /// <summary>
    /// Parses one public key line: "TYPE BASE64 [COMMENT]", or an authorized_keys/known_hosts line with options or host
    /// names before the key (ssh-keygen's rule: the first field, quotes respected, is skipped). Returns null for a blank
    /// or comment line.
    /// </summary>
    /// <exception cref="KeyFormatException">The line holds no key OpenSSH would read.</exception>
    public static SshPublicKey? ParseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        byte[] bytes = Encoding.UTF8.GetBytes(line.TrimEnd('\n'));
        return PublicKeyLines.ReadLine(bytes, out var key, out string reason) switch
        {
            PublicKeyLines.LineKind.Key => new SshPublicKey(key!.Key.Blob, key.Comment is { } comment ? Encoding.UTF8.GetString(comment) : ""),
            PublicKeyLines.LineKind.Blank => null,
            _ => throw new KeyFormatException($"not a public key line ({reason})"),
        };
    }
}
