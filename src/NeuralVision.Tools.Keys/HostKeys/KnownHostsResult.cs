using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>The outcome of <see cref="KnownHosts.Check"/>, with everything the messages and the append need.</summary>
public sealed class KnownHostsResult
{
    internal KnownHostsResult(
        KnownHostStatus status,
        string hostName,
        byte[] serverKey,
        KnownHostsEntry? entry,
        IReadOnlyList<KnownHostsEntry> otherKeys,
        IReadOnlyList<KnownHostsFileError> unreadableFiles,
        IReadOnlyList<KnownHostsLineError> malformedLines)
    {
        Status = status;
        HostName = hostName;
        ServerKey = serverKey;
        KeyType = KnownHosts.KeyTypeOf(serverKey);
        Entry = entry;
        OtherKeys = otherKeys;
        UnreadableFiles = unreadableFiles;
        MalformedLines = malformedLines;
    }

    public KnownHostStatus Status { get; }

    /// <summary>
    /// The name that was looked up and that a new line must carry: lower case, "host" on port 22, "[host]:port"
    /// otherwise, or the HostKeyAlias as given. Pass it to <see cref="KnownHostsWriter.Append"/> unchanged.
    /// </summary>
    public string HostName { get; }

    /// <summary>The server's public key blob (SSH.NET's <c>HostKeyEventArgs.HostKey</c>).</summary>
    public byte[] ServerKey { get; }

    /// <summary>The type named inside the blob, e.g. "ssh-rsa" even when "rsa-sha2-512" was negotiated.</summary>
    public string KeyType { get; }

    /// <summary>"ED25519", "RSA", "ECDSA"...: the word ssh's messages use.</summary>
    public string DisplayType => KnownHosts.DisplayType(KeyType);

    public string Fingerprint => SshPublicKey.FingerprintOf(ServerKey);

    /// <summary>
    /// Known: the first line holding the key. Revoked: the first <c>@revoked</c> line holding it. Changed: the first
    /// line (user files before system files) of the same type with another key, the "Offending key" of the warning.
    /// Unknown: null.
    /// </summary>
    public KnownHostsEntry? Entry { get; }

    /// <summary>
    /// Unknown only: for each other key type known for this host, its first line, in file order. ssh prints them
    /// ("WARNING: RSA key found for host …") and adds "but keys of different type are already known for this host.".
    /// </summary>
    public IReadOnlyList<KnownHostsEntry> OtherKeys { get; }

    /// <summary>The distinct types of <see cref="OtherKeys"/>.</summary>
    public IReadOnlyList<string> OtherKeyTypes => [.. OtherKeys.Select(entry => entry.KeyType)];

    /// <summary>Files that exist but could not be read; a missing file is normal and not listed.</summary>
    public IReadOnlyList<KnownHostsFileError> UnreadableFiles { get; }

    /// <summary>Lines of the files read that were skipped as malformed, for a verbose or debug message.</summary>
    public IReadOnlyList<KnownHostsLineError> MalformedLines { get; }
}
