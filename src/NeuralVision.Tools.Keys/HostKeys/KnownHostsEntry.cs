using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NeuralVision.Tools.Keys;
using NeuralVision.Tools.Platform.OpenSsh;

namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>One host key line of a known_hosts file.</summary>
public sealed class KnownHostsEntry
{
    private const string HashMagic = "|1|";
    private const int HashLength = 20;

    private readonly byte[]? salt;
    private readonly byte[]? hash;

    private KnownHostsEntry(string file, int line, KnownHostsMarker marker, string hosts, string keyType, byte[] keyBlob, string comment, byte[]? salt, byte[]? hash)
    {
        File = file;
        Line = line;
        Marker = marker;
        Hosts = hosts;
        KeyType = keyType;
        KeyBlob = keyBlob;
        Comment = comment;
        this.salt = salt;
        this.hash = hash;
    }

    /// <summary>The path the line was read from, as the caller named it (messages print it back unchanged).</summary>
    public string File { get; }

    /// <summary>1-based, counting every line of the file, comments and blank lines included, as ssh counts them.</summary>
    public int Line { get; }

    public KnownHostsMarker Marker { get; }

    /// <summary>The host field as written: a comma-separated pattern list, or one hashed name <c>|1|salt|hmac</c>.</summary>
    public string Hosts { get; }

    /// <summary>The key's type, e.g. "ssh-ed25519"; always the same as the blob's own type name.</summary>
    public string KeyType { get; }

    public byte[] KeyBlob { get; }

    public string Comment { get; }

    public bool IsHashed => salt is not null;

    /// <summary>"FILE:LINE", the form ssh's messages and editors' jump-to-line understand.</summary>
    public string Location => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");

    public string Fingerprint => SshPublicKey.FingerprintOf(KeyBlob);

    /// <summary>
    /// Whether the line names <paramref name="name"/> ("host" or "[host]:port"; compared lower-case). A hashed name is
    /// recomputed with the line's salt. In a pattern list a matching <c>!pattern</c> rejects the line outright, whatever
    /// else matches (OpenSSH's match_hostname returning -1); a negated pattern alone never makes a line match.
    /// </summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string lower = name.ToLowerInvariant();
        if (salt is not null)
        {
            return CryptographicOperations.FixedTimeEquals(HostHash(salt, lower), hash);
        }

        bool positive = false;
        foreach (string pattern in Hosts.Split(','))
        {
            bool negated = pattern.StartsWith('!');
            // HostPattern ignores case, and '[' ']' ':' are plain characters to it, so "[web*]:2222" works as in ssh.
            if (HostPattern.IsMatch(negated ? pattern[1..] : pattern, lower))
            {
                if (negated)
                {
                    return false;
                }

                positive = true;
            }
        }

        return positive;
    }

    public bool HasKey(ReadOnlySpan<byte> keyBlob) => keyBlob.SequenceEqual(KeyBlob);

    /// <summary>
    /// HMAC-SHA1 keyed with the salt over the name: the hashed-name format fixes the algorithm, and it only hides names
    /// from a casual reader of the file; nothing relies on it resisting collisions.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "OpenSSH's |1| hashed host format is defined as HMAC-SHA1.")]
    internal static byte[] HostHash(byte[] salt, string name) => HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name));

    /// <summary>
    /// Parses one line the way OpenSSH's hostkeys_foreach does. Returns null for a blank or comment line; throws
    /// FormatException, with the reason, for a line ssh would skip as invalid.
    /// </summary>
    internal static KnownHostsEntry? Parse(string text, string file, int line)
    {
        var rest = text.AsSpan().TrimEnd('\r').TrimStart(" \t");
        if (rest.IsEmpty || rest[0] == '#')
        {
            return null;
        }

        var marker = KnownHostsMarker.None;
        while (!rest.IsEmpty && rest[0] == '@')
        {
            if (marker != KnownHostsMarker.None)
            {
                throw new FormatException("more than one marker");
            }

            var word = NextField(ref rest);
            marker = word switch
            {
                "@cert-authority" => KnownHostsMarker.CertAuthority,
                "@revoked" => KnownHostsMarker.Revoked,
                _ => throw new FormatException($"unknown marker {word}"),
            };
        }

        string hosts = NextField(ref rest).ToString();
        if (hosts.Length == 0)
        {
            throw new FormatException("no host names");
        }

        // ssh treats a '#' where the key type should be as a truncated line, not as a comment after the names.
        if (rest.IsEmpty || rest[0] == '#')
        {
            throw new FormatException("no key after the host names");
        }

        string keyType = NextField(ref rest).ToString();
        string base64 = NextField(ref rest).ToString();
        if (base64.Length == 0)
        {
            throw new FormatException("no key after the key type");
        }

        byte[] blob;
        string blobType;
        try
        {
            blob = Convert.FromBase64String(base64);
            blobType = new SshWireReader(blob).ReadText();
        }
        catch (Exception e) when (e is FormatException or KeyFormatException)
        {
            throw new FormatException("the key is not valid base64 key data", e);
        }

        if (blobType != keyType)
        {
            throw new FormatException($"the key data is of type {blobType}, not {keyType}");
        }

        byte[]? salt = null, hash = null;
        if (hosts.StartsWith('|'))
        {
            (salt, hash) = ParseHashedName(hosts);
        }

        return new KnownHostsEntry(file, line, marker, hosts, keyType, blob, rest.Trim(" \t").ToString(), salt, hash);
    }

    /// <summary>
    /// <c>|1|BASE64(salt)|BASE64(HMAC-SHA1)</c>, both 20 bytes: ssh rejects any other salt length (extract_salt), and a
    /// hash of another length could never equal an HMAC-SHA1, so such a line is reported rather than silently dead.
    /// </summary>
    private static (byte[] Salt, byte[] Hash) ParseHashedName(string hosts)
    {
        string[] parts = hosts.Split('|');
        if (!hosts.StartsWith(HashMagic, StringComparison.Ordinal) || parts.Length != 4)
        {
            throw new FormatException("bad hashed host name");
        }

        try
        {
            byte[] salt = Convert.FromBase64String(parts[2]);
            byte[] hash = Convert.FromBase64String(parts[3]);
            if (salt.Length != HashLength || hash.Length != HashLength)
            {
                throw new FormatException("bad hashed host name");
            }

            return (salt, hash);
        }
        catch (FormatException e)
        {
            throw new FormatException("bad hashed host name", e);
        }
    }

    /// <summary>The next space- or tab-separated field, skipping the separators after it.</summary>
    private static ReadOnlySpan<char> NextField(ref ReadOnlySpan<char> rest)
    {
        int end = rest.IndexOfAny(' ', '\t');
        var field = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[end..].TrimStart(" \t");
        return field;
    }
}
