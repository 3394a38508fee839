using System.Net.Sockets;
using NeuralVision.Tools.Keys.Agent;
using NeuralVision.Tools.Keys.HostKeys;
using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.Platform.Terminals;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The connections of one `keys copy` (or `nvt sync HOST`) run to the destination, directly or through its ProxyJump hosts. A hop is
/// connected like the destination (its own ssh -G settings, its own host key check under its own name, its own
/// credentials); the next host is reached through a local forward on it (SSH.NET's ForwardedPortLocal on 127.0.0.1
/// and a port the system picks, the direct-tcpip channel ssh -J opens too), and its host key is still checked under
/// its own name, never as 127.0.0.1. The hops stay connected for the run and are closed with the connector.
/// </summary>
internal sealed class RemoteConnector : IDisposable
{
    /// <summary>How long a login may wait for the server while the person answers its prompts (sshd's own LoginGraceTime is 2 minutes).</summary>
    private static TimeSpan LoginTimeout => TimeSpan.FromMinutes(10);

    private readonly RemoteTarget plan;
    private readonly ITerminal terminal;
    private readonly Action<string> report;
    private readonly SshAgentClient? agent;
    private readonly List<IDisposable> owned = [];
    private SshClient? lastHop;

    public RemoteConnector(RemoteTarget plan, ITerminal terminal, Action<string> report, SshAgentClient? agent)
    {
        this.plan = plan;
        this.terminal = terminal;
        this.report = report;
        this.agent = agent;
        Gate = GateFor(plan.Settings);
        Credentials = CredentialsFor(plan.Settings);
    }

    /// <summary>The destination's host key check (pinned after the first connection).</summary>
    public HostKeyGate Gate { get; }

    /// <summary>The destination's credentials, shared by every connection to it.</summary>
    public KeyCopyCredentials Credentials { get; }

    /// <summary>
    /// Connects to the destination and authenticates with <paramref name="methods"/> (default: every credential). An
    /// unknown host key the person may accept ends the first attempt before any credential is sent; after a "yes" nvt
    /// connects again (asking inside SSH.NET's key exchange would race its timeout).
    /// </summary>
    public T Connect<T>(Func<ConnectionInfo, T> create, Func<AuthenticationMethod[]>? methods = null)
        where T : BaseClient =>
        ConnectTo(plan.Settings, Gate, Credentials, create, methods ?? Credentials.Methods, LastHop);

    public void Dispose()
    {
        // Forwards and hops, the last opened first.
        for (int i = owned.Count - 1; i >= 0; i--)
        {
            try
            {
                owned[i].Dispose();
            }
            catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Closing a connection that already broke.
            }
        }

        owned.Clear();
    }

    /// <param name="through">The hop to reach <paramref name="settings"/> through; null to connect directly.</param>
    private T ConnectTo<T>(
        SshClientSettings settings, HostKeyGate gate, KeyCopyCredentials credentials, Func<ConnectionInfo, T> create, Func<AuthenticationMethod[]> methods, Func<SshClient?> through)
        where T : BaseClient
    {
        while (true)
        {
            var (host, port) = Endpoint(settings, through());
            var info = new ConnectionInfo(host, port, settings.User, methods()) { Timeout = plan.Timeout };
            T client = create(info);
            client.HostKeyReceived += gate.OnHostKeyReceived;
            // ConnectTimeout is ssh's limit for the TCP connection, the banner and the key exchange. The login after
            // a trusted host key waits for the person (a password, a passphrase typed or fetched) as ssh does: under
            // ConnectTimeout a password typed in more than 10 s would end in "timed out". SSH.NET reads the timeout
            // afresh at each wait; it is put back once logged in, for the channels and SFTP.
            client.HostKeyReceived += (_, e) => info.Timeout = e.CanTrust ? LoginTimeout : plan.Timeout;
            try
            {
                client.Connect();
                info.Timeout = plan.Timeout;
                return client;
            }
            catch (Exception e) when (e is SshException or SocketException or ProxyException)
            {
                bool authenticated = client.ConnectionInfo.IsAuthenticated;
                client.Dispose();
                gate.ThrowIfRejected();
                if (gate.HasPendingKey)
                {
                    gate.ConfirmPendingKey();
                    continue;
                }

                if (authenticated && client is SftpClient && e is SshException && e.Message.Contains("ubsystem", StringComparison.Ordinal))
                {
                    throw new SftpUnavailableException();
                }

                throw ConnectionErrors.Describe(e, settings, credentials, info.Timeout);
            }
        }
    }

    /// <summary>Where to open the TCP connection to <paramref name="destination"/>: itself, or a new forward through a hop.</summary>
    private (string Host, int Port) Endpoint(SshClientSettings destination, SshClient? through)
    {
        if (through is null)
        {
            return (destination.HostName, destination.Port);
        }

        var forward = new ForwardedPortLocal("127.0.0.1", 0, destination.HostName, (uint)destination.Port);
        through.AddForwardedPort(forward);
        forward.Start();
        owned.Add(forward);
        return ("127.0.0.1", (int)forward.BoundPort);
    }

    /// <summary>The last ProxyJump hop, every hop connected in order the first time; null without hops.</summary>
    private SshClient? LastHop()
    {
        if (lastHop is not null || plan.Hops.Count == 0)
        {
            return lastHop;
        }

        SshClient? previous = null;
        foreach (var hop in plan.Hops)
        {
            var credentials = CredentialsFor(hop);
            var before = previous;
            previous = ConnectTo(hop, GateFor(hop), credentials, info => new SshClient(info), credentials.Methods, () => before);
            owned.Add(previous);
        }

        lastHop = previous;
        return lastHop;
    }

    private HostKeyGate GateFor(SshClientSettings settings) =>
        new(settings, terminal, report, new KnownHostsWriter(), plan.AcceptNew, plan.DryRun);

    private KeyCopyCredentials CredentialsFor(SshClientSettings settings) =>
        new(terminal, settings.User, settings.HostName, settings.IdentityFiles, agent, settings.IdentitiesOnly, report);
}
