using System.Globalization;
using NeuralVision.Tools.Keys;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Keys.HostKeys;

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
                unreadable.Add(new KnownHostsFileError(path, FileErrors.Describe(e)));
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
