using System.Globalization;

namespace NeuralVision.Tools.Platform.OpenSsh;

/// <summary>
/// What OpenSSH's configuration says about one destination, as far as `nvt keys copy` needs it: where to connect, as
/// whom, which identities to try and which known_hosts files to check and write.
/// </summary>
/// <param name="HostName">The name or address to connect to (ssh_config HostName).</param>
/// <param name="HostKeyAlias">The name to look up in known_hosts instead of <paramref name="HostName"/>, when set.</param>
/// <param name="ConnectTimeout">ssh_config ConnectTimeout; null for none.</param>
public sealed record SshClientSettings(
    string HostName,
    int Port,
    string User,
    string? HostKeyAlias,
    IReadOnlyList<string> IdentityFiles,
    IReadOnlyList<string> UserKnownHostsFiles,
    IReadOnlyList<string> GlobalKnownHostsFiles,
    bool HashKnownHosts,
    TimeSpan? ConnectTimeout)
{
    public const int DefaultPort = 22;

    /// <summary>IdentitiesOnly: offer only the IdentityFiles, none of the agent's other keys.</summary>
    public bool IdentitiesOnly { get; init; }

    /// <summary>
    /// IdentityAgent as ssh -G prints it: null when not set (SSH_AUTH_SOCK then), "none" for no agent, "SSH_AUTH_SOCK",
    /// or a socket path.
    /// </summary>
    public string? IdentityAgent { get; init; }

    /// <summary>ProxyJump: "[user@]host[:port]" hops, comma-separated; null when there is none.</summary>
    public string? ProxyJump { get; init; }

    /// <summary>ProxyCommand as ssh -G prints it (%h and %p not expanded); null when there is none.</summary>
    public string? ProxyCommand { get; init; }

    /// <summary>BatchMode: never ask (no password, passphrase or host key question).</summary>
    public bool BatchMode { get; init; }

    /// <summary>What nvt assumes when ssh is not installed: OpenSSH's built-in defaults, with ~ taken from $HOME.</summary>
    public static SshClientSettings Defaults(string host, int? port, string user, string home)
    {
        ArgumentNullException.ThrowIfNull(host);
        string ssh = Path.Combine(home, ".ssh");
        return new SshClientSettings(
            host,
            port ?? DefaultPort,
            user,
            null,
            [Path.Combine(ssh, "id_rsa"), Path.Combine(ssh, "id_ecdsa"), Path.Combine(ssh, "id_ed25519")],
            [Path.Combine(ssh, "known_hosts"), Path.Combine(ssh, "known_hosts2")],
            ["/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"],
            HashKnownHosts: false,
            ConnectTimeout: null);
    }

    /// <summary>
    /// Reads <c>ssh -G</c>'s output ("keyword value" lines, keywords in lower case). ssh expands <c>~</c> in known_hosts
    /// paths with the passwd entry's home (<paramref name="passwdHome"/>) but leaves it in identity files; nvt reads
    /// both against <paramref name="home"/> ($HOME), like the rest of nvt, so a temporary HOME isolates everything.
    /// </summary>
    public static SshClientSettings Parse(string output, string home, string? passwdHome)
    {
        ArgumentNullException.ThrowIfNull(output);
        var basic = ResolvedHost.Parse(output);
        string? alias = null;
        TimeSpan? timeout = null;
        bool hash = false;
        var identities = new List<string>();
        var userFiles = new List<string>();
        var globalFiles = new List<string>();
        bool identitiesOnly = false, batchMode = false;
        string? identityAgent = null, proxyJump = null, proxyCommand = null;
        foreach (var (keyword, value) in ResolvedHost.Lines(output))
        {
            switch (keyword)
            {
                case "hostkeyalias":
                    alias ??= value;
                    break;
                case "hashknownhosts":
                    hash = value == "yes";
                    break;
                case "connecttimeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds):
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "identityfile":
                    identities.Add(ExpandHome(value, home, passwdHome));
                    break;
                case "userknownhostsfile":
                    userFiles.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(path => ExpandHome(path, home, passwdHome)));
                    break;
                case "identitiesonly":
                    identitiesOnly = value == "yes";
                    break;
                case "batchmode":
                    batchMode = value == "yes";
                    break;
                case "identityagent":
                    identityAgent ??= ExpandHome(value, home, passwdHome);
                    break;
                case "proxyjump" when value != "none":
                    proxyJump ??= value;
                    break;
                case "proxycommand" when value != "none":
                    proxyCommand ??= value;
                    break;
                case "globalknownhostsfile":
                    globalFiles.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(path => ExpandHome(path, home, passwdHome)));
                    break;
            }
        }

        if (basic is not { HostName: string hostName, User: string user })
        {
            throw new FormatException("ssh -G printed no hostname or user");
        }

        return new SshClientSettings(hostName, basic.Port ?? DefaultPort, user, alias, identities, userFiles, globalFiles, hash, timeout)
        {
            IdentitiesOnly = identitiesOnly,
            BatchMode = batchMode,
            IdentityAgent = identityAgent,
            ProxyJump = proxyJump,
            ProxyCommand = proxyCommand,
        };
    }

    private static string ExpandHome(string path, string home, string? passwdHome)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            return home + path[1..];
        }

        if (passwdHome is { Length: > 1 } && (path == passwdHome || path.StartsWith(passwdHome + "/", StringComparison.Ordinal)))
        {
            return home + path[passwdHome.Length..];
        }

        return path;
    }
}
