using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Interactive;
using NeuralVision.Tools.Keys;
using NeuralVision.Tools.Ssh;

namespace NeuralVision.Tools.Commands;

/// <summary>What `nvt keys copy` was asked for, after parsing.</summary>
internal sealed record KeysCopyRequest(
    string Destination,
    string? Identity,
    int? Port,
    string? Login,
    bool DryRun,
    bool Force,
    bool AcceptNew,
    KeyCopyTransport Transport,
    string? SshConfig,
    IReadOnlyList<string> SshOptions);

/// <summary>
/// `nvt keys copy [user@]host`: ssh-copy-id done over SSH.NET, with the host key checked before any credential leaves,
/// and authorized_keys replaced atomically (SFTP) or appended (remote shell), never truncated.
/// </summary>
internal static class KeysCopyCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SshConfigTimeout = TimeSpan.FromSeconds(10);

    public static Command Create(NvtContext context, Func<IKeyCopyPrompts>? prompts = null)
    {
        var destination = new Argument<string>("DESTINATION") { Description = "[user@]host, or a Host alias from ssh_config" };
        var identity = new Option<string>("--identity", "-i") { Description = "The key to install: a .pub file, or a private key whose .pub is used [default: the newest ~/.ssh/id*.pub]", HelpName = "KEY" };
        var port = new Option<int?>("--port", "-p") { Description = "Port to connect to [default: from ssh_config, else 22]", HelpName = "PORT" };
        var login = new Option<string>("--login", "-l") { Description = "Remote user [default: from DESTINATION or ssh_config, else the local user]", HelpName = "USER" };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Connect and show what would be added; change nothing (known_hosts included)" };
        var force = new Option<bool>("--force", "-f") { Description = "Add the key even if it is already there, and without its private half" };
        var acceptNew = new Option<bool>("--accept-new") { Description = "Add an unknown host key to known_hosts without asking (a changed key is still refused)" };
        var sftp = new Option<bool>("--sftp") { Description = "Install over SFTP only (atomic replace); the default tries SFTP, then the remote shell" };
        var exec = new Option<bool>("--exec") { Description = "Install through the remote shell only (ssh-copy-id's sh script)" };
        var config = new Option<string>("--config", "-F") { Description = "ssh config file to resolve DESTINATION with (as ssh -F)", HelpName = "SSH_CONFIG" };
        var options = new Option<string[]>("--option", "-o")
        {
            Description = "An ssh_config option, as ssh -o (e.g. -o UserKnownHostsFile=FILE, -o ConnectTimeout=5); repeatable",
            HelpName = "OPTION",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("copy", "Install a public key in a server's authorized_keys (like ssh-copy-id)")
        {
            destination, identity, port, login, dryRun, force, acceptNew, sftp, exec, config, options,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(sftp) && result.GetValue(exec))
            {
                result.AddError("--sftp and --exec contradict each other");
            }
        });
        command.SetAction(result => Run(
            context,
            prompts?.Invoke() ?? new KeyCopyTerminal(context.Environment, context.Error),
            new KeysCopyRequest(
                result.GetValue(destination)!,
                result.GetValue(identity),
                result.GetValue(port),
                result.GetValue(login),
                result.GetValue(dryRun),
                result.GetValue(force),
                result.GetValue(acceptNew),
                result.GetValue(sftp) ? KeyCopyTransport.Sftp : result.GetValue(exec) ? KeyCopyTransport.Exec : KeyCopyTransport.Auto,
                result.GetValue(config),
                result.GetValue(options) ?? [])));
        return command;
    }

    public static int Run(NvtContext context, IKeyCopyPrompts prompts, KeysCopyRequest request)
    {
        try
        {
            return Copy(context, prompts, request);
        }
        catch (KeyCopyException e)
        {
            foreach (string line in e.Details)
            {
                context.Error.WriteLine(line);
            }

            throw new NvtException(e.Message, ExitCodes.KeyCopyFailed);
        }
    }

    private static int Copy(NvtContext context, IKeyCopyPrompts prompts, KeysCopyRequest request)
    {
        if (request.Port is < 1 or > 65535)
        {
            throw new KeyCopyException($"invalid port {request.Port}: use 1 to 65535");
        }

        string home = KeysCommand.Home(context);
        var (publicKeyPath, privateKeyPath) = ChooseKey(context, home, request);
        SshPublicKey key = ReadPublicKey(publicKeyPath);
        if (privateKeyPath is null && !request.Force)
        {
            throw new KeyCopyException($"no private key next to {publicKeyPath}, so nvt cannot check that the key works; pass -f to install the public key alone");
        }

        var settings = Resolve(context, home, request);
        var timeout = settings.ConnectTimeout ?? DefaultTimeout;
        var gate = new HostKeyGate(settings, prompts, new KnownHostsWriter(), request.AcceptNew, request.DryRun);
        var installer = new KeyInstaller(
            new KeyCopyRequest(settings, key, privateKeyPath, request.DryRun, request.Force, request.Transport, timeout), prompts, gate);
        context.Error.WriteLine($"nvt: installing {publicKeyPath} ({key.DisplayType} {key.Fingerprint}) for {settings.User}@{settings.HostName}");
        var result = installer.Run();
        switch (result.Outcome)
        {
            case KeyCopyOutcome.AlreadyInstalled:
                context.Output.WriteLine($"All keys were already installed on {settings.User}@{settings.HostName}");
                break;
            case KeyCopyOutcome.WouldAdd:
                context.Output.WriteLine($"Dry run: would add this key to {settings.User}@{settings.HostName} (over {result.Transport}):");
                context.Output.WriteLine(key.ToLine());
                break;
            default:
                context.Output.WriteLine("Number of key(s) added: 1");
                context.Output.WriteLine();
                context.Output.WriteLine($"Now try logging into the machine with: {LoginHint(request)}");
                if (!result.Verified)
                {
                    context.Error.WriteLine("nvt: not verified: there is no private key to log in with");
                }

                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The .pub to install and its private half (null when missing). -i takes a .pub, or a private key whose .pub is
    /// used (or whose own public half, when there is no .pub); the default is ssh-copy-id's: the newest ~/.ssh/id*.pub.
    /// </summary>
    private static (string PublicKey, string? PrivateKey) ChooseKey(NvtContext context, string home, KeysCopyRequest request)
    {
        if (request.Identity is string identity)
        {
            string path = Path.GetFullPath(identity, context.Environment.CurrentDirectory);
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
        catch (Exception e) when (e is KeyFormatException or IOException or UnauthorizedAccessException)
        {
            throw new KeyCopyException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>HostName, User, Port, identities and known_hosts files from `ssh -G`, or OpenSSH's defaults without ssh.</summary>
    private static SshClientSettings Resolve(NvtContext context, string home, KeysCopyRequest request)
    {
        int at = request.Destination.LastIndexOf('@');
        string host = at < 0 ? request.Destination : request.Destination[(at + 1)..];
        string? user = request.Login ?? (at < 0 ? null : request.Destination[..at]);
        if (host.Length == 0 || host.StartsWith('-'))
        {
            throw new KeyCopyException($"invalid destination '{request.Destination}'");
        }

        string? ssh = SshSession.FindOnPath(context.Environment.GetVariable("PATH"), "ssh");
        if (ssh is null)
        {
            if (request.SshConfig is not null || request.SshOptions.Count > 0)
            {
                throw new KeyCopyException("-F and -o need OpenSSH's ssh on PATH to read the configuration (install openssh-client)");
            }

            return SshClientSettings.Defaults(host, request.Port, user ?? Environment.UserName, home);
        }

        var args = new List<string> { "-G" };
        if (request.SshConfig is not null)
        {
            args.AddRange(["-F", request.SshConfig]);
        }

        foreach (string option in request.SshOptions)
        {
            args.AddRange(["-o", option]);
        }

        if (request.Port is int port)
        {
            args.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
        }

        if (user is not null)
        {
            args.AddRange(["-l", user]);
        }

        args.AddRange(["--", host]);
        string output = CaptureSsh(ssh, args);
        try
        {
            return SshClientSettings.Parse(output, home, PasswdHome());
        }
        catch (FormatException e)
        {
            throw new KeyCopyException($"cannot read ssh -G's output: {e.Message}", e);
        }
    }

    private static string CaptureSsh(string ssh, List<string> args)
    {
        var run = SshProcessRunner.CaptureRun(ssh, args, SshConfigTimeout)
            ?? throw new KeyCopyException($"{ssh} -G could not be run or did not answer within {SshConfigTimeout.TotalSeconds:0} s");
        if (run.ExitCode != 0)
        {
            string why = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault("no message").Trim();
            throw new KeyCopyException($"ssh could not read its configuration: {why}");
        }

        return run.Output;
    }

    /// <summary>The home directory in /etc/passwd, where ssh expands ~ from (nvt maps it back to $HOME).</summary>
    private static string? PasswdHome()
    {
        try
        {
            string name = Environment.UserName;
            foreach (string line in File.ReadLines("/etc/passwd"))
            {
                string[] fields = line.Split(':');
                if (fields.Length >= 6 && fields[0] == name)
                {
                    return fields[5];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>The ssh command line to try next, with what the user typed (as ssh-copy-id prints it).</summary>
    private static string LoginHint(KeysCopyRequest request)
    {
        var words = new List<string> { "ssh" };
        if (request.SshConfig is not null)
        {
            words.Add($"-F '{request.SshConfig}'");
        }

        if (request.Port is int port)
        {
            words.Add(string.Create(CultureInfo.InvariantCulture, $"-p {port}"));
        }

        string destination = request.Login is null ? request.Destination : $"{request.Login}@{request.Destination[(request.Destination.LastIndexOf('@') + 1)..]}";
        words.Add($"'{destination}'");
        return string.Join(' ', words);
    }
}
