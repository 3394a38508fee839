using System.Globalization;
using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Ssh;

/// <summary>What the known_hosts files say about a server's host key.</summary>
public enum KnownHostStatus
{
    /// <summary>A line for this host holds exactly this key.</summary>
    Known,

    /// <summary>Nothing vouches for or against the key: ask the user (OpenSSH's HOST_NEW).</summary>
    Unknown,

    /// <summary>A line for this host holds another key of the same type: a possible man in the middle; refuse.</summary>
    Changed,

    /// <summary>An <c>@revoked</c> line for this host holds this key: refuse, whatever else the files say.</summary>
    Revoked,
}

/// <summary>A known_hosts file that exists but could not be read; the lookup went on without it.</summary>
public sealed record KnownHostsFileError(string Path, string Message);

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

/// <summary>
/// Host key lookup over known_hosts files, following OpenSSH's check_host_key (sshconnect.c) and hostfile.c, with
/// the differences nvt needs listed on <see cref="Check"/>.
/// </summary>
public static class KnownHosts
{
    /// <summary>The system-wide file ssh reads after the user's (GlobalKnownHostsFile's first default).</summary>
    public const string SystemFile = "/etc/ssh/ssh_known_hosts";

    public const int DefaultPort = 22;

    /// <summary>
    /// The name known_hosts stores for a destination, as ssh's put_host_port builds it: the host alone on port 22 (or
    /// port 0, "unspecified"), "[host]:port" on any other port, so servers on several ports of one machine keep
    /// separate keys. Lower case, as ssh lowercases what the user typed before any lookup.
    /// </summary>
    public static string HostName(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        string lower = host.ToLowerInvariant();
        return port is 0 or DefaultPort ? lower : string.Create(CultureInfo.InvariantCulture, $"[{lower}]:{port}");
    }

    /// <summary>
    /// The key type known_hosts stores: the first string of the blob. Never the negotiated algorithm, which for one
    /// RSA key may be "rsa-sha2-512", "rsa-sha2-256" or "ssh-rsa".
    /// </summary>
    public static string KeyTypeOf(ReadOnlySpan<byte> keyBlob) => new SshWireReader(keyBlob).ReadText();

    /// <summary>ssh's short name for a key type in its messages (sshkey_type); unknown types are shown as they are.</summary>
    public static string DisplayType(string keyType)
    {
        ArgumentNullException.ThrowIfNull(keyType);
        return keyType switch
        {
            "ssh-ed25519" => "ED25519",
            "ssh-rsa" => "RSA",
            "ssh-dss" => "DSA",
            "sk-ssh-ed25519@openssh.com" => "ED25519-SK",
            "sk-ecdsa-sha2-nistp256@openssh.com" => "ECDSA-SK",
            _ when keyType.StartsWith("ecdsa-sha2-", StringComparison.Ordinal) => "ECDSA",
            _ => keyType,
        };
    }

    /// <summary>
    /// Looks the server's key up in <paramref name="paths"/>, in order: the user's files first, then
    /// <see cref="SystemFile"/>, as ssh reads UserKnownHostsFile then GlobalKnownHostsFile. Missing files are skipped;
    /// unreadable ones are listed in <see cref="KnownHostsResult.UnreadableFiles"/> and the others still decide.
    /// <list type="bullet">
    /// <item>An <c>@revoked</c> line for the host with this key wins over everything, as in ssh.</item>
    /// <item>Known: any plain line for the host with this key.</item>
    /// <item>
    /// Changed: only when a plain line for the host has another key of the SAME type. OpenSSH 9.2 also calls a host
    /// "changed" when only keys of other types are known, but ssh first steers the key exchange towards the known
    /// types; SSH.NET picks its own preferred host key algorithm, so that rule would raise false alarms. A key of
    /// another type is Unknown, with the known types in <see cref="KnownHostsResult.OtherKeys"/> for the prompt.
    /// </item>
    /// <item><c>@cert-authority</c> lines never match: nvt does not negotiate host certificates.</item>
    /// <item>
    /// On a port other than 22 without an alias, an unknown "[host]:port" is retried as plain "host" and is Known if
    /// that name holds the key, as ssh does ("checking without port identifier"); a mismatch there is not reported.
    /// </item>
    /// </list>
    /// CheckHostIP (looking the server's address up as well) is not done: it is off by default since OpenSSH 8.5, and
    /// when the user typed an address, that address is the name looked up anyway.
    /// </summary>
    /// <param name="host">The host connected to, any case: ssh_config's HostName when one applies, as ssh looks it up.</param>
    /// <param name="port">The port connected to; 22 stores the bare name.</param>
    /// <param name="serverKey">The server's public key blob.</param>
    /// <param name="hostKeyAlias">ssh's HostKeyAlias: replaces "host"/"[host]:port" entirely, port included.</param>
    public static KnownHostsResult Check(IEnumerable<string> paths, string host, int port, byte[] serverKey, string? hostKeyAlias = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(serverKey);
        var files = new List<KnownHostsFile>();
        var unreadable = new List<KnownHostsFileError>();
        foreach (string path in paths)
        {
            try
            {
                if (KnownHostsFile.Load(path) is { } file)
                {
                    files.Add(file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new KnownHostsFileError(path, e.Message));
            }
        }

        return Evaluate(files, host, port, serverKey, hostKeyAlias, unreadable);
    }

    /// <summary>The same lookup over files already parsed (e.g. read once for several checks).</summary>
    public static KnownHostsResult Check(IReadOnlyList<KnownHostsFile> files, string host, int port, byte[] serverKey, string? hostKeyAlias = null) =>
        Evaluate(files, host, port, serverKey, hostKeyAlias, []);

    private static KnownHostsResult Evaluate(
        IReadOnlyList<KnownHostsFile> files, string host, int port, byte[] serverKey, string? hostKeyAlias, IReadOnlyList<KnownHostsFileError> unreadable)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(serverKey);
        string name = string.IsNullOrEmpty(hostKeyAlias) ? HostName(host, port) : hostKeyAlias.ToLowerInvariant();
        string keyType = KeyTypeOf(serverKey);
        KnownHostsLineError[] malformed = [.. files.SelectMany(file => file.MalformedLines)];
        var entries = files.SelectMany(file => file.Entries).Where(entry => entry.Matches(name)).ToList();

        KnownHostStatus status;
        KnownHostsEntry? found;
        if (entries.Find(entry => entry.Marker == KnownHostsMarker.Revoked && entry.HasKey(serverKey)) is { } revoked)
        {
            (status, found) = (KnownHostStatus.Revoked, revoked);
        }
        else if (entries.Find(entry => entry.Marker == KnownHostsMarker.None && entry.HasKey(serverKey)) is { } known)
        {
            (status, found) = (KnownHostStatus.Known, known);
        }
        else if (entries.Find(entry => entry.Marker == KnownHostsMarker.None && entry.KeyType == keyType) is { } changed)
        {
            (status, found) = (KnownHostStatus.Changed, changed);
        }
        else
        {
            (status, found) = (KnownHostStatus.Unknown, null);
        }

        if (status == KnownHostStatus.Unknown && string.IsNullOrEmpty(hostKeyAlias) && port is not (0 or DefaultPort)
            && Evaluate(files, host, DefaultPort, serverKey, null, []) is { Status: KnownHostStatus.Known } portless)
        {
            (status, found) = (KnownHostStatus.Known, portless.Entry);
        }

        KnownHostsEntry[] others = status != KnownHostStatus.Unknown ? [] :
            [.. entries.Where(entry => entry.Marker == KnownHostsMarker.None && entry.KeyType != keyType).DistinctBy(entry => entry.KeyType)];
        return new KnownHostsResult(status, name, serverKey, found, others, unreadable, malformed);
    }
}
