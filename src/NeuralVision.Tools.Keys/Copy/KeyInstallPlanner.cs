using System.Globalization;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// Turns what the user asked `nvt keys copy` for into a <see cref="KeyInstallPlan"/>: which key (ssh-copy-id's
/// choice), read and checked, and where it goes, resolved through OpenSSH's own configuration (<c>ssh -G</c>).
/// </summary>
public static class KeyInstallPlanner
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SshConfigTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="KeyCopyException">No usable key, a bad port or destination, or ssh could not read its configuration.</exception>
    public static KeyInstallPlan Plan(KeyCopyOptions options, NvtSettings settings, IProcessRunner processes, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        if (options.Port is < 1 or > 65535)
        {
            throw new KeyCopyException($"invalid port {options.Port}: use 1 to 65535");
        }

        string home = settings.Home;
        var (publicKeyPath, privateKeyPath) = ChooseKey(options.Identity, home, currentDirectory);
        SshPublicKey key = ReadPublicKey(publicKeyPath);
        if (privateKeyPath is null && !options.Force)
        {
            throw new KeyCopyException($"no private key next to {publicKeyPath}, so nvt cannot check that the key works; pass -f to install the public key alone");
        }

        var resolved = Resolve(options, home, processes);
        return new KeyInstallPlan(
            resolved,
            key,
            publicKeyPath,
            privateKeyPath,
            options.DryRun,
            options.Force,
            options.AcceptNew,
            options.Transport,
            resolved.ConnectTimeout ?? DefaultTimeout);
    }

    /// <summary>
    /// The .pub to install and its private half (null when missing). -i takes a .pub, or a private key whose .pub is
    /// used (or whose own public half, when there is no .pub); the default is ssh-copy-id's: the newest ~/.ssh/id*.pub.
    /// </summary>
    private static (string PublicKey, string? PrivateKey) ChooseKey(string? identity, string home, string currentDirectory)
    {
        if (identity is not null)
        {
            string path = Path.GetFullPath(identity, currentDirectory);
            if (path.EndsWith(".pub", StringComparison.Ordinal))
            {
                string privateKey = path[..^".pub".Length];
                return File.Exists(path)
                    ? (path, File.Exists(privateKey) ? privateKey : null)
                    : throw new KeyCopyException($"{identity}: no such file");
            }

            if (File.Exists(path + ".pub"))
            {
                return (path + ".pub", File.Exists(path) ? path : null);
            }

            return File.Exists(path) ? (path, path) : throw new KeyCopyException($"{identity}: no such file (nor {identity}.pub)");
        }

        string directory = KeyFiles.SshDirectory(home);
        string? newest = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "id*.pub")
                .Where(file => !file.EndsWith("-cert.pub", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        if (newest is null)
        {
            throw new KeyCopyException($"no public key found (no {directory}/id*.pub); create one with 'nvt keys gen', or name one with -i");
        }

        string privateHalf = newest[..^".pub".Length];
        return (newest, File.Exists(privateHalf) ? privateHalf : null);
    }

    private static SshPublicKey ReadPublicKey(string path)
    {
        try
        {
            return KeyFiles.ReadPublicKeys(path) is [SshPublicKey first, ..]
                ? first
                : throw new KeyCopyException($"{path} holds no public key");
        }
        catch (KeyFormatException e)
        {
            throw new KeyCopyException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyCopyException($"cannot read {path}: {FileErrors.Describe(e)}", e);
        }
    }

    /// <summary>HostName, User, Port, identities and known_hosts files from `ssh -G`, or OpenSSH's defaults without ssh.</summary>
    private static SshClientSettings Resolve(KeyCopyOptions options, string home, IProcessRunner processes)
    {
        int at = options.Destination.LastIndexOf('@');
        string host = at < 0 ? options.Destination : options.Destination[(at + 1)..];
        string? user = options.Login ?? (at < 0 ? null : options.Destination[..at]);
        if (host.Length == 0 || host.StartsWith('-'))
        {
            throw new KeyCopyException($"invalid destination '{options.Destination}'");
        }

        string? ssh = processes.FindOnPath("ssh");
        if (ssh is null)
        {
            if (options.SshConfig is not null || options.SshOptions.Count > 0)
            {
                throw new KeyCopyException("-F and -o need OpenSSH's ssh on PATH to read the configuration (install openssh-client)");
            }

            return SshClientSettings.Defaults(host, options.Port, user ?? Environment.UserName, home);
        }

        var args = new List<string>();
        if (options.SshConfig is not null)
        {
            args.AddRange(["-F", options.SshConfig]);
        }

        foreach (string option in options.SshOptions)
        {
            args.AddRange(["-o", option]);
        }

        if (options.Port is int port)
        {
            args.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
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
            throw new KeyCopyException($"ssh could not read its configuration: {why}");
        }

        try
        {
            return SshClientSettings.Parse(run.Output, home, SshConfigDump.PasswdHome());
        }
        catch (FormatException e)
        {
            throw new KeyCopyException($"cannot read ssh -G's output: {e.Message}", e);
        }
    }
}
