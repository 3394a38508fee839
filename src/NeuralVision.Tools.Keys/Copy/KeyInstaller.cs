using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using NeuralVision.Tools.Keys.HostKeys;
using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.Platform.Terminals;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// Installs one public key on a server over SSH.NET, like ssh-copy-id: host key checked against known_hosts before
/// any credential is sent, authorization read first (idempotent), the file replaced atomically over SFTP (or appended
/// by the remote shell), then a login with the new key alone.
/// </summary>
public sealed class KeyInstaller
{
    private const string AuthorizedKeysPath = ".ssh/authorized_keys";
    private const int ReplaceAttempts = 3;

    /// <summary>
    /// ssh-copy-id's remote install, run by `exec sh -c` whatever the login shell is: private umask, the directory,
    /// a newline when the file does not end with one, then the key from stdin appended (never truncating the file).
    /// </summary>
    internal const string InstallScript =
        "exec sh -c 'cd || exit 1; umask 077; mkdir -p .ssh || exit 1; " +
        "if [ -s .ssh/authorized_keys ] && [ -n \"$(tail -c 1 .ssh/authorized_keys)\" ]; then echo >> .ssh/authorized_keys || exit 1; fi; " +
        "cat >> .ssh/authorized_keys || exit 1; " +
        "if type restorecon >/dev/null 2>&1; then restorecon -F .ssh .ssh/authorized_keys; fi'";

    internal const string ReadScript = "exec sh -c 'cd || exit 1; if [ -f .ssh/authorized_keys ]; then cat .ssh/authorized_keys; fi'";

    private readonly Action<string> report;
    private readonly HostKeyGate gate;
    private readonly KeyCopyCredentials credentials;
    private readonly KeyInstallPlan plan;

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
        gate = new HostKeyGate(plan.Settings, terminal, report, new KnownHostsWriter(), plan.AcceptNew, plan.DryRun);
        credentials = new KeyCopyCredentials(terminal, plan.Settings.User, plan.Settings.HostName, plan.Settings.IdentityFiles);
    }

    private SshClientSettings Settings => plan.Settings;

    private string Destination => $"{Settings.User}@{Settings.HostName}";

    public KeyCopyResult Run()
    {
        KeyCopyResult result = plan.Transport == KeyCopyTransport.Exec ? InstallByExec() : InstallBySftpOrFallBack();
        if (result.Outcome != KeyCopyOutcome.Added || plan.PrivateKeyPath is null)
        {
            return result;
        }

        VerifyLogin(plan.PrivateKeyPath);
        return result with { Verified = true };
    }

    private KeyCopyResult InstallBySftpOrFallBack()
    {
        SftpClient sftp;
        try
        {
            sftp = Connect(info => new SftpClient(info));
        }
        catch (SftpUnavailableException) when (plan.Transport == KeyCopyTransport.Auto)
        {
            report($"nvt: {Settings.HostName} has no SFTP subsystem; installing through the remote shell");
            return InstallByExec();
        }
        catch (SftpUnavailableException)
        {
            throw new KeyCopyException($"{Settings.HostName} has no SFTP subsystem (try --exec)");
        }

        try
        {
            using (sftp)
            {
                return InstallBySftp(sftp);
            }
        }
        catch (AuthorizedKeysIsLinkException) when (plan.Transport == KeyCopyTransport.Auto)
        {
            report($"nvt: {AuthorizedKeysPath} on {Settings.HostName} is a symbolic link; appending through the remote shell so the link stays");
            return InstallByExec();
        }
        catch (AuthorizedKeysIsLinkException)
        {
            throw new KeyCopyException($"{AuthorizedKeysPath} on {Settings.HostName} is a symbolic link, which an SFTP replace would turn into a file (try --exec, which appends through it)");
        }
    }

    private KeyCopyResult InstallBySftp(SftpClient sftp)
    {
        for (int attempt = 0; attempt < ReplaceAttempts; attempt++)
        {
            byte[] existing = ReadRemote(sftp);
            if (!plan.Force && AuthorizedKeys.Contains(existing, plan.Key))
            {
                return new KeyCopyResult(KeyCopyOutcome.AlreadyInstalled, "sftp", false);
            }

            if (plan.DryRun)
            {
                return new KeyCopyResult(KeyCopyOutcome.WouldAdd, "sftp", false);
            }

            // Renaming over a link would replace the link itself (dotfile managers link authorized_keys elsewhere).
            // SSH.NET's GetAttributes follows links; directory entries carry lstat's view.
            if (existing.Length > 0 && sftp.ListDirectory(".ssh").Any(entry => entry.Name == "authorized_keys" && entry.IsSymbolicLink))
            {
                throw new AuthorizedKeysIsLinkException();
            }

            if (!sftp.Exists(".ssh"))
            {
                sftp.CreateDirectory(".ssh");
                sftp.ChangePermissions(".ssh", 700);
            }

            if (ReplaceRemote(sftp, existing, AuthorizedKeys.Append(existing, plan.Key.ToLine())))
            {
                return new KeyCopyResult(KeyCopyOutcome.Added, "sftp", false);
            }
        }

        throw new KeyCopyException($"{AuthorizedKeysPath} on {Settings.HostName} kept changing while nvt wrote it; nothing was changed");
    }

    private static byte[] ReadRemote(SftpClient sftp) =>
        sftp.Exists(AuthorizedKeysPath) ? sftp.ReadAllBytes(AuthorizedKeysPath) : [];

    /// <summary>
    /// Writes the whole new file next to the old one (mode 0600 before any byte), then renames it over the old with
    /// posix-rename, so a copy cut off halfway leaves the old file intact. False, with nothing changed, when the file
    /// changed since it was read (someone else edited it meanwhile): the caller reads it again.
    /// </summary>
    private static bool ReplaceRemote(SftpClient sftp, byte[] expected, byte[] content)
    {
        string temp = $".ssh/.authorized_keys.nvt-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        try
        {
            using (var stream = sftp.Open(temp, FileMode.CreateNew, FileAccess.Write))
            {
                sftp.ChangePermissions(temp, 600);
                stream.Write(content);
            }

            if (!ReadRemote(sftp).AsSpan().SequenceEqual(expected))
            {
                sftp.DeleteFile(temp);
                return false;
            }

            sftp.RenameFile(temp, AuthorizedKeysPath, isPosix: true);
            return true;
        }
        catch (Exception e) when (e is SshException or IOException or NotSupportedException)
        {
            try
            {
                if (sftp.Exists(temp))
                {
                    sftp.DeleteFile(temp);
                }
            }
            catch (Exception cleanup) when (cleanup is SshException or IOException)
            {
                // The original error is what the user needs to see; a leftover temp file is harmless.
            }

            if (e is NotSupportedException)
            {
                throw new KeyCopyException("the server's SFTP has no posix-rename, so the file cannot be replaced atomically (try --exec)", e);
            }

            throw new KeyCopyException($"could not write {AuthorizedKeysPath} on {SftpHost(sftp)}: {e.Message}", e);
        }
    }

    private static string SftpHost(SftpClient sftp) => sftp.ConnectionInfo.Host;

    private KeyCopyResult InstallByExec()
    {
        using var ssh = Connect(info => new SshClient(info));
        using (var read = ssh.CreateCommand(ReadScript))
        {
            read.Execute();
            if (read.ExitStatus != 0)
            {
                throw new KeyCopyException($"could not read {AuthorizedKeysPath} on {Settings.HostName}: {FirstLine(read.Error)}");
            }

            if (!plan.Force && AuthorizedKeys.Contains(Encoding.UTF8.GetBytes(read.Result), plan.Key))
            {
                return new KeyCopyResult(KeyCopyOutcome.AlreadyInstalled, "exec", false);
            }
        }

        if (plan.DryRun)
        {
            return new KeyCopyResult(KeyCopyOutcome.WouldAdd, "exec", false);
        }

        using var install = ssh.CreateCommand(InstallScript);
        var running = install.BeginExecute();
        using (var input = install.CreateInputStream())
        {
            input.Write(Encoding.UTF8.GetBytes(plan.Key.ToLine() + "\n"));
        }

        install.EndExecute(running);
        if (install.ExitStatus != 0)
        {
            throw new KeyCopyException($"the remote shell on {Settings.HostName} could not append to {AuthorizedKeysPath}: {FirstLine(install.Error)}");
        }

        return new KeyCopyResult(KeyCopyOutcome.Added, "exec", false);
    }

    private void VerifyLogin(string privateKeyPath)
    {
        PrivateKeyFile key;
        try
        {
            if (KeyCopyCredentials.IsEncrypted(privateKeyPath))
            {
                string passphrase = credentials.Passphrase(privateKeyPath) ?? "";
                key = new PrivateKeyFile(privateKeyPath, passphrase);
                credentials.PassphraseWorked(privateKeyPath, passphrase);
            }
            else
            {
                key = new PrivateKeyFile(privateKeyPath);
            }
        }
        catch (Exception e) when (e is SshException or IOException or ArgumentException)
        {
            throw new KeyCopyException($"the key was added, but nvt could not open {privateKeyPath} to try it ({e.Message.TrimEnd('.')})", e);
        }

        using (key)
        {
            var info = new ConnectionInfo(Settings.HostName, Settings.Port, Settings.User, new PrivateKeyAuthenticationMethod(Settings.User, key))
            {
                Timeout = plan.Timeout,
            };
            using var client = new SshClient(info);
            client.HostKeyReceived += gate.OnHostKeyReceived;
            try
            {
                client.Connect();
            }
            catch (SshAuthenticationException e)
            {
                throw new KeyCopyException($"the key was added, but {Destination} refuses a login with it ({e.Message})", e);
            }
            catch (Exception e) when (e is SshException or SocketException)
            {
                throw new KeyCopyException($"the key was added, but the login to try it failed: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// Connects and authenticates. An unknown host key the person may still accept ends the first attempt before any
    /// credential is sent; after a "yes" nvt connects again (asking inside SSH.NET's key exchange would race its timeout).
    /// </summary>
    private T Connect<T>(Func<ConnectionInfo, T> create)
        where T : BaseClient
    {
        while (true)
        {
            var info = new ConnectionInfo(Settings.HostName, Settings.Port, Settings.User, credentials.Methods()) { Timeout = plan.Timeout };
            T client = create(info);
            client.HostKeyReceived += gate.OnHostKeyReceived;
            try
            {
                client.Connect();
                return client;
            }
            catch (Exception e) when (e is SshException or SocketException)
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

                throw Describe(e);
            }
        }
    }

    private KeyCopyException Describe(Exception e)
    {
        string where = $"{Settings.HostName} port {Settings.Port}";
        return e switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => new KeyCopyException($"cannot connect to {where}: connection refused", e),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } =>
                new KeyCopyException($"could not resolve hostname {Settings.HostName}: name or service not known", e),
            SocketException { SocketErrorCode: SocketError.TimedOut } or SshOperationTimeoutException =>
                new KeyCopyException($"connection to {where} timed out after {plan.Timeout.TotalSeconds:0} s", e),
            SocketException socket => new KeyCopyException($"cannot connect to {where}: {socket.Message}", e),
            SshAuthenticationException when credentials.PasswordsAsked >= KeyCopyCredentials.PasswordAttempts =>
                new KeyCopyException($"permission denied for {Destination}: {KeyCopyCredentials.PasswordAttempts} wrong passwords", e),
            SshAuthenticationException when credentials.PasswordUnavailable =>
                new KeyCopyException($"permission denied for {Destination}: no key was accepted and no password was given (no terminal, or SSH_ASKPASS gave none)", e),
            SshAuthenticationException => new KeyCopyException($"permission denied for {Destination} ({e.Message.TrimEnd('.')})", e),
            SshConnectionException => new KeyCopyException($"connection to {where} closed: {e.Message.TrimEnd('.')}", e),
            _ => new KeyCopyException($"ssh to {where} failed: {e.Message.TrimEnd('.')}", e),
        };
    }

    private static string FirstLine(string text)
    {
        string line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault("").Trim();
        return line.Length == 0 ? "no error message" : line;
    }
}
