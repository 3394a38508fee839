using System.Text;
using NeuralVision.Tools.Keys.Agent;
using NeuralVision.Tools.Platform.Terminals;
using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// Installs one public key on a server over SSH.NET, like ssh-copy-id: host key checked against known_hosts before
/// any credential is sent (ProxyJump hops included), authorization read first (idempotent), the file replaced
/// atomically over SFTP (or appended by the remote shell), then a login with the new key alone. The ssh-agent's keys
/// are offered first, and a key the agent holds is checked through the agent.
/// </summary>
public sealed class KeyInstaller : IDisposable
{
    private const int ReplaceAttempts = 3;

    private static TimeSpan AgentTimeout => TimeSpan.FromSeconds(60);

    private readonly Action<string> report;
    private readonly KeyInstallPlan plan;
    private readonly RemoteConnector connector;

    /// <param name="terminal">Where passwords, passphrases and the unknown-host question are asked.</param>
    /// <param name="report">
    /// Where a line for the person goes (stderr) while the installation runs, so it appears when it happens: a
    /// fallback taken, "Permanently added". The installer prints nothing itself.
    /// </param>
    public KeyInstaller(KeyInstallPlan plan, ITerminal terminal, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(plan);
        this.plan = plan;
        this.report = report;
        Agent = OpenAgent(plan.AgentSocket);
        connector = new RemoteConnector(plan.Target, terminal, report, Agent);
    }

    /// <summary>The ssh-agent of the run; null when there is none (or it does not answer: then ssh goes on without it too).</summary>
    public SshAgentClient? Agent { get; }

    /// <summary>The destination's credentials (a password that worked is remembered for later connections).</summary>
    public KeyCopyCredentials Credentials => connector.Credentials;

    private string Destination => $"{plan.Settings.User}@{plan.Settings.HostName}";

    private string HostName => plan.Settings.HostName;

    /// <param name="check">Log in with the new key afterwards (`keys setup` checks with ssh itself instead).</param>
    public KeyCopyResult Run(bool check = true)
    {
        KeyCopyResult result = plan.Transport == KeyCopyTransport.Exec ? InstallByExec() : InstallBySftpOrFallBack();
        if (result.Outcome != KeyCopyOutcome.Added || !check)
        {
            return result;
        }

        string? notChecked = plan.IsDefaultTarget
            ? LoginCheck.Run(connector, plan)
            : $"sshd reads {KeyInstallPlan.DefaultTargetPath} unless its AuthorizedKeysFile names {plan.TargetPath}";
        return result with { Verified = notChecked is null, NotVerified = notChecked };
    }

    /// <summary>The login with the new key alone (agent copy, or the file and its passphrase); null when it logged in, else why it was not tried.</summary>
    /// <exception cref="KeyCopyException">The server refused the key, or the login failed.</exception>
    public string? CheckLogin() => LoginCheck.Run(connector, plan);

    /// <summary>An SFTP session to the destination with the run's credentials (for `keys setup`'s diagnosis).</summary>
    public SftpClient OpenSftp() => connector.Connect(info => new SftpClient(info));

    public void Dispose()
    {
        connector.Dispose();
        Agent?.Dispose();
    }

    internal static SshAgentClient? OpenAgent(string? socket)
    {
        if (socket is null)
        {
            return null;
        }

        try
        {
            return SshAgentClient.Connect(socket, AgentTimeout);
        }
        catch (AgentException)
        {
            return null;
        }
    }

    private KeyCopyResult InstallBySftpOrFallBack()
    {
        SftpClient sftp;
        try
        {
            sftp = connector.Connect(info => new SftpClient(info));
        }
        catch (SftpUnavailableException) when (plan.Transport == KeyCopyTransport.Auto)
        {
            report($"nvt: {HostName} has no SFTP subsystem; installing through the remote shell");
            return InstallByExec();
        }
        catch (SftpUnavailableException)
        {
            throw new KeyCopyException($"{HostName} has no SFTP subsystem (try --exec)");
        }

        try
        {
            using (sftp)
            {
                return InstallBySftp(new SftpTarget(sftp, plan.TargetPath, HostName));
            }
        }
        catch (AuthorizedKeysIsLinkException) when (plan.Transport == KeyCopyTransport.Auto)
        {
            report($"nvt: {plan.TargetPath} on {HostName} is a symbolic link; appending through the remote shell so the link stays");
            return InstallByExec();
        }
        catch (AuthorizedKeysIsLinkException)
        {
            throw new KeyCopyException($"{plan.TargetPath} on {HostName} is a symbolic link, which an SFTP replace would turn into a file (try --exec, which appends through it)");
        }
    }

    private KeyCopyResult InstallBySftp(SftpTarget target)
    {
        for (int attempt = 0; attempt < ReplaceAttempts; attempt++)
        {
            byte[] existing = target.Read();
            if (!plan.Force && AuthorizedKeys.Contains(existing, plan.Key))
            {
                return new KeyCopyResult(KeyCopyOutcome.AlreadyInstalled, "sftp", false);
            }

            if (plan.DryRun)
            {
                return new KeyCopyResult(KeyCopyOutcome.WouldAdd, "sftp", false);
            }

            // Renaming over a link would replace the link itself (dotfile managers link authorized_keys elsewhere).
            if (existing.Length > 0 && target.IsLink())
            {
                throw new AuthorizedKeysIsLinkException();
            }

            target.EnsureDirectory();
            if (target.Replace(existing, AuthorizedKeys.Append(existing, plan.Key.ToLine()), out int leftovers))
            {
                if (leftovers > 0)
                {
                    report($"nvt: removed {leftovers} temp file(s) an interrupted copy had left in {target.Directory} on {HostName}");
                }

                return new KeyCopyResult(KeyCopyOutcome.Added, "sftp", false);
            }
        }

        throw new KeyCopyException($"{plan.TargetPath} on {HostName} kept changing while nvt wrote it; nothing was changed");
    }

    private KeyCopyResult InstallByExec()
    {
        using var ssh = connector.Connect(info => new SshClient(info));
        using (var read = ssh.CreateCommand(ExecScripts.Read(plan.TargetPath)))
        {
            read.Execute();
            ThrowIfFailed(read, "read");
            if (!plan.Force && AuthorizedKeys.Contains(Encoding.UTF8.GetBytes(read.Result), plan.Key))
            {
                return new KeyCopyResult(KeyCopyOutcome.AlreadyInstalled, "exec", false);
            }
        }

        if (plan.DryRun)
        {
            return new KeyCopyResult(KeyCopyOutcome.WouldAdd, "exec", false);
        }

        using var install = ssh.CreateCommand(ExecScripts.Install(plan.TargetPath));
        var running = install.BeginExecute();
        using (var input = install.CreateInputStream())
        {
            input.Write(Encoding.UTF8.GetBytes(plan.Key.ToLine() + "\n"));
        }

        install.EndExecute(running);
        ThrowIfFailed(install, "append to");
        return new KeyCopyResult(KeyCopyOutcome.Added, "exec", false);
    }

    private void ThrowIfFailed(SshCommand command, string what)
    {
        if (command.ExitStatus == ExecScripts.TargetIsDirectory)
        {
            throw new KeyCopyException(
                $"{plan.TargetPath} on {HostName} is a directory, so sshd can read no key from it; move it aside on the server (mv {plan.TargetPath} {plan.TargetPath}.dir) and try again");
        }

        if (command.ExitStatus != 0)
        {
            // The remote shell's own words (its stderr), first line only: that is the server's text, not a .NET message.
            string line = command.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault("").Trim();
            throw new KeyCopyException($"the remote shell on {HostName} could not {what} {plan.TargetPath}{(line.Length == 0 ? "" : $" ({line})")}");
        }
    }
}
