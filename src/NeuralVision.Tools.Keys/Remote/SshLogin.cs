using NeuralVision.Tools.Keys.Agent;
using NeuralVision.Tools.Keys.Copy;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.Platform.Terminals;
using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Remote;

/// <summary>
/// Logs in to a host exactly as `nvt keys copy` does, for the other features that work over ssh (`nvt sync HOST`):
/// ssh -G resolves the destination (-p, -F, -o, ProxyJump hops), host keys are checked against known_hosts before any
/// credential is sent, and the ssh-agent, the configured keys and a password typed on the terminal are tried in
/// ssh's order. A failure is a <see cref="KeyCopyException"/> with one sentence.
/// </summary>
public sealed class SshLogin : IDisposable
{
    private readonly RemoteConnector connector;
    private readonly SshAgentClient? agent;

    private SshLogin(RemoteTarget target, SshAgentClient? agent, ITerminal terminal, Action<string> report)
    {
        this.agent = agent;
        connector = new RemoteConnector(target, terminal, report, agent);
        HostName = target.Settings.HostName;
    }

    /// <summary>The host name connected to, as ssh -G resolved it.</summary>
    public string HostName { get; }

    /// <exception cref="KeyCopyException">A bad port or destination, or ssh could not read its configuration.</exception>
    public static SshLogin Prepare(
        string destination, int? port, string? sshConfig, IReadOnlyList<string> sshOptions, bool acceptNew, NvtSettings settings, IProcessRunner processes, ITerminal terminal, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (port is < 1 or > 65535)
        {
            throw new KeyCopyException($"invalid port {port}: use 1 to 65535");
        }

        var (user, host) = SshHostResolver.Split(destination);
        if (user is "" || host.Length == 0)
        {
            throw new NvtException(user is "" ? $"no user name before '@' in {destination}" : $"no host name in {destination}");
        }

        var resolver = new SshHostResolver(processes, settings.Home, sshConfig, sshOptions);
        var resolved = resolver.Resolve(host, port, user);
        var hops = resolver.Hops(resolved, host);
        var target = new RemoteTarget(resolved, hops, acceptNew, DryRun: false, resolved.ConnectTimeout ?? KeyInstallPlanner.DefaultTimeout);
        return new SshLogin(target, KeyInstaller.OpenAgent(KeyInstallPlanner.AgentSocket(resolved, settings)), terminal, report);
    }

    /// <summary>A logged-in connection for commands (the exec channel).</summary>
    public SshClient Shell() => connector.Connect(info => new SshClient(info));

    /// <summary>A logged-in SFTP connection.</summary>
    public SftpClient Files() => connector.Connect(info => new SftpClient(info));

    public void Dispose()
    {
        connector.Dispose();
        agent?.Dispose();
    }
}
