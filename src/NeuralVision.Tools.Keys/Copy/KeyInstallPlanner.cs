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
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

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

        string target = TargetPath(options.TargetPath);
        var (typedUser, host) = SshHostResolver.Split(options.Destination);
        var resolver = new SshHostResolver(processes, home, options.SshConfig, options.SshOptions);
        var resolved = resolver.Resolve(host, options.Port, options.Login ?? typedUser);
        var hops = resolver.Hops(resolved, host);
        return new KeyInstallPlan(
            resolved,
            key,
            publicKeyPath,
            privateKeyPath,
            options.DryRun,
            options.Force,
            options.AcceptNew,
            options.Transport,
            resolved.ConnectTimeout ?? DefaultTimeout,
            hops,
            target,
            AgentSocket(resolved, settings));
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

    /// <summary>
    /// The -t path as the remote side takes it: relative to the login directory ("~/" allowed), or absolute; never
    /// empty, never with a control character (it goes into a shell command and into messages).
    /// </summary>
    internal static string TargetPath(string? target)
    {
        if (target is null)
        {
            return KeyInstallPlan.DefaultTargetPath;
        }

        string path = target.StartsWith("~/", StringComparison.Ordinal) ? target[2..] : target;
        if (path.Length == 0 || path.EndsWith('/') || path.Any(char.IsControl) || path.StartsWith('~'))
        {
            throw new KeyCopyException($"invalid target file '{target}' for -t: give a file, relative to the remote home (~/ allowed) or absolute");
        }

        return path;
    }

    /// <summary>The agent ssh would use: IdentityAgent when ssh_config sets one (none: no agent), else SSH_AUTH_SOCK.</summary>
    internal static string? AgentSocket(SshClientSettings settings, NvtSettings environment) => settings.IdentityAgent switch
    {
        null or "SSH_AUTH_SOCK" => environment.AgentSocket,
        "none" => null,
        string path => path,
    };
}
