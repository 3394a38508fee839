using System.Globalization;
using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.Platform.Processes;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// What OpenSSH's configuration makes of a destination, asked of ssh itself (<c>ssh -G</c>, with -F, -o, -p and -l
/// passed on), so nvt connects where ssh would; OpenSSH's defaults when ssh is not installed. Also the hops of a
/// ProxyJump, each resolved through the same configuration, as ssh resolves them.
/// </summary>
public sealed class SshHostResolver
{
    private static TimeSpan SshConfigTimeout => TimeSpan.FromSeconds(10);

    private readonly IProcessRunner processes;
    private readonly string home;
    private readonly string? sshConfig;
    private readonly IReadOnlyList<string> sshOptions;

    /// <param name="sshConfig">-F: the ssh config file; null for ssh's own (~/.ssh/config, /etc/ssh/ssh_config).</param>
    /// <param name="sshOptions">-o options, for the destination only (ssh does not pass them to the hops).</param>
    public SshHostResolver(IProcessRunner processes, string home, string? sshConfig, IReadOnlyList<string> sshOptions)
    {
        this.processes = processes;
        this.home = home;
        this.sshConfig = sshConfig;
        this.sshOptions = sshOptions;
    }

    /// <summary>The user and host of "[user@]host" (the last '@' separates them, as in ssh).</summary>
    public static (string? User, string Host) Split(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int at = destination.LastIndexOf('@');
        string host = at < 0 ? destination : destination[(at + 1)..];
        bool control = false;
        foreach (char c in host)
        {
            control |= char.IsControl(c) || c == ' ';
        }

        if (host.Length == 0 || host.StartsWith('-') || control)
        {
            throw new KeyCopyException($"invalid destination '{destination}'");
        }

        return (at < 0 ? null : destination[..at], host);
    }

    /// <exception cref="KeyCopyException">ssh cannot read its configuration, or does not answer.</exception>
    public SshClientSettings Resolve(string host, int? port, string? user, bool withOptions = true)
    {
        string? ssh = processes.FindOnPath("ssh");
        if (ssh is null)
        {
            if (sshConfig is not null || (withOptions && sshOptions.Count > 0))
            {
                throw new KeyCopyException("-F and -o need OpenSSH's ssh on PATH to read the configuration (install openssh-client)");
            }

            return SshClientSettings.Defaults(host, port, user ?? Environment.UserName, home);
        }

        var args = new List<string>();
        if (sshConfig is not null)
        {
            args.AddRange(["-F", sshConfig]);
        }

        foreach (string option in withOptions ? sshOptions : [])
        {
            args.AddRange(["-o", option]);
        }

        if (port is int number)
        {
            args.AddRange(["-p", number.ToString(CultureInfo.InvariantCulture)]);
        }

        if (user is not null)
        {
            args.AddRange(["-l", user]);
        }

        args.AddRange(["--", host]);
        var run = SshConfigDump.Run(processes, ssh, args, SshConfigTimeout)
            ?? throw new KeyCopyException($"{ssh} -G could not be run or did not answer within {SshConfigTimeout.TotalSeconds:0} s");
        if (run.ExitCode != 0)
        {
            string why = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault("no message").Trim();
            throw new KeyCopyException($"ssh could not read its configuration for {host}: {why}");
        }

        try
        {
            return SshClientSettings.Parse(run.Output, home, SshConfigDump.PasswdHome());
        }
        catch (FormatException e)
        {
            throw new KeyCopyException($"cannot read what ssh -G printed for {host} ({e.Message})", e);
        }
    }

    /// <summary>
    /// The hops of a destination's ProxyJump, in the order they are connected, each resolved through the
    /// configuration. A ProxyCommand cannot be run by SSH.NET and is refused in a sentence, never ignored.
    /// </summary>
    public IReadOnlyList<SshClientSettings> Hops(SshClientSettings destination, string destinationName)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.ProxyCommand is string command)
        {
            throw new KeyCopyException(
                $"{destinationName} is reached through a ProxyCommand ({command}), which nvt cannot run; use ProxyJump instead (ssh -J), or ssh-copy-id");
        }

        if (destination.ProxyJump is not string jump)
        {
            return [];
        }

        var hops = new List<SshClientSettings>();
        foreach (string spec in jump.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (user, host, port) = ParseHop(spec);
            var hop = Resolve(host, port, user, withOptions: false);
            if (hop.ProxyCommand is not null || hop.ProxyJump is not null)
            {
                throw new KeyCopyException($"the jump host {spec} has a ProxyJump or ProxyCommand of its own, which nvt does not follow; list every hop in one ProxyJump (-J a,b)");
            }

            hops.Add(hop);
        }

        return hops;
    }

    /// <summary>"[user@]host[:port]", "[user@][v6 address]:port" or "ssh://[user@]host[:port]", as ssh's -J takes them.</summary>
    internal static (string? User, string Host, int? Port) ParseHop(string spec)
    {
        string text = spec.StartsWith("ssh://", StringComparison.Ordinal) ? spec["ssh://".Length..].TrimEnd('/') : spec;
        int at = text.LastIndexOf('@');
        string? user = at < 0 ? null : text[..at];
        string hostPort = text[(at + 1)..];
        string host = hostPort;
        int? port = null;
        int colon = hostPort.LastIndexOf(':');
        if (hostPort.StartsWith('[') && hostPort.IndexOf(']', StringComparison.Ordinal) is int close and > 0)
        {
            host = hostPort[1..close];
            colon = hostPort.Length > close + 1 && hostPort[close + 1] == ':' ? close + 1 : -1;
        }
        else if (colon >= 0 && hostPort.IndexOf(':', StringComparison.Ordinal) != colon)
        {
            colon = -1; // a bare IPv6 address
        }
        else if (colon >= 0)
        {
            host = hostPort[..colon];
        }

        if (colon >= 0)
        {
            if (!int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 65535)
            {
                throw new KeyCopyException($"invalid port in the jump host '{spec}'");
            }

            port = number;
        }

        if (host.Length == 0 || host.StartsWith('-'))
        {
            throw new KeyCopyException($"invalid jump host '{spec}'");
        }

        return (user, host, port);
    }
}
