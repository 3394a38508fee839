using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using NeuralVision.Tools.Keys;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Ssh;

/// <summary>How the key reaches the remote authorized_keys.</summary>
public enum KeyCopyTransport
{
    /// <summary>SFTP, and the remote shell when the server has no SFTP subsystem.</summary>
    Auto,

    /// <summary>SFTP only: whole-file replace through a temp file and posix-rename, works without a login shell.</summary>
    Sftp,

    /// <summary>The remote shell only: ssh-copy-id's POSIX sh script, appending with the key on stdin.</summary>
    Exec,
}

/// <summary>What `nvt keys copy` was asked to do, with the destination already resolved through ssh_config.</summary>
/// <param name="PrivateKeyPath">The private half, to prove the key works after installing it; null when there is none.</param>
public sealed record KeyCopyRequest(
    SshClientSettings Settings,
    SshPublicKey Key,
    string? PrivateKeyPath,
    bool DryRun,
    bool Force,
    KeyCopyTransport Transport,
    TimeSpan Timeout);

public enum KeyCopyOutcome
{
    Added,
    AlreadyInstalled,
    WouldAdd,
}

/// <param name="Transport">"sftp" or "exec": how the remote file was read (and written).</param>
/// <param name="Verified">True when a login with the new key alone succeeded afterwards.</param>
public sealed record KeyCopyResult(KeyCopyOutcome Outcome, string Transport, bool Verified);

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

    private readonly IKeyCopyPrompts prompts;
    private readonly HostKeyGate gate;
    private readonly KeyCopyCredentials credentials;
    private readonly KeyCopyRequest request;

    public KeyInstaller(KeyCopyRequest request, IKeyCopyPrompts prompts, HostKeyGate gate)
    {
        ArgumentNullException.ThrowIfNull(request);
        this.request = request;
        this.prompts = prompts;
        this.gate = gate;
        credentials = new KeyCopyCredentials(prompts, request.Settings.User, request.Settings.HostName, request.Settings.IdentityFiles);
    }

    private SshClientSettings Settings => request.Settings;

    private string Destination => $"{Settings.User}@{Settings.HostName}";

    public KeyCopyResult Run()
    {
        KeyCopyResult result = request.Transport == KeyCopyTransport.Exec ? InstallByExec() : InstallBySftpOrFallBack();
        if (result.Outcome != KeyCopyOutcome.Added || request.PrivateKeyPath is null)
        {
            return result;
        }

        VerifyLogin(request.PrivateKeyPath);
        return result with { Verified = true };
    }

    private KeyCopyResult InstallBySftpOrFallBack()
    {
        SftpClient sftp;
        try
        {
            sftp = Connect(info => new SftpClient(info));
        }
        catch (SftpUnavailableException) when (request.Transport == KeyCopyTransport.Auto)
        {
            prompts.Tell($"nvt: {Settings.HostName} has no SFTP subsystem; installing through the remote shell");
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
        catch (AuthorizedKeysIsLinkException) when (request.Transport == KeyCopyTransport.Auto)
        {
            prompts.Tell($"nvt: {AuthorizedKeysPath} on {Settings.HostName} is a symbolic link; appending through the remote shell so the link stays");
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
            if (!request.Force && AuthorizedKeys.Contains(existing, request.Key))
            {
                return new KeyCopyResult(KeyCopyOutcome.AlreadyInstalled, "sftp", false);
            }

            if (request.DryRun)
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

            if (ReplaceRemote(sftp, existing, AuthorizedKeys.Append(existing, request.Key.ToLine())))
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

            if (!request.Force && AuthorizedKeys.Contains(Encoding.UTF8.GetBytes(read.Result), request.Key))
            {
                return new KeyCopyResult(KeyCopyOutcome.AlreadyInstalled, "exec", false);
            }
        }

        if (request.DryRun)
        {
            return new KeyCopyResult(KeyCopyOutcome.WouldAdd, "exec", false);
        }

        using var install = ssh.CreateCommand(InstallScript);
        var running = install.BeginExecute();
        using (var input = install.CreateInputStream())
        {
            input.Write(Encoding.UTF8.GetBytes(request.Key.ToLine() + "\n"));
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
                Timeout = request.Timeout,
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
            var info = new ConnectionInfo(Settings.HostName, Settings.Port, Settings.User, credentials.Methods()) { Timeout = request.Timeout };
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
                new KeyCopyException($"connection to {where} timed out after {request.Timeout.TotalSeconds:0} s", e),
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

    private sealed class SftpUnavailableException : Exception
    {
    }

    private sealed class AuthorizedKeysIsLinkException : Exception
    {
    }
}
