using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Keys.Copy;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Text;

namespace NeuralVision.Tools.Keys.Commands;

/// <summary>
/// `nvt keys copy [user@]host`: ssh-copy-id done over SSH.NET, with the host key checked before any credential leaves,
/// and authorized_keys replaced atomically (SFTP) or appended (remote shell), never truncated.
/// </summary>
public static class KeysCopyCommand
{
    public static Command Create(INvtContext context)
    {
        var destination = new Argument<string>("DESTINATION") { Description = "[user@]host, or a Host alias from ssh_config" };
        var identity = new Option<string>("--identity", "-i") { Description = "The key to install: a .pub file, or a private key whose .pub is used [default: the newest ~/.ssh/id*.pub]", HelpName = "KEY" };
        var port = PortOption();
        var login = new Option<string>("--login", "-l") { Description = "Remote user [default: from DESTINATION or ssh_config, else the local user]", HelpName = "USER" };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Connect and show what would be added; change nothing (known_hosts included)" };
        var force = new Option<bool>("--force", "-f") { Description = "Add the key even if it is already there, and without its private half" };
        var acceptNew = new Option<bool>("--accept-new") { Description = "Add an unknown host key to known_hosts without asking (a changed key is still refused)" };
        var sftp = new Option<bool>("--sftp") { Description = "Install over SFTP only (atomic replace); the default tries SFTP, then the remote shell" };
        var exec = new Option<bool>("--exec") { Description = "Install through the remote shell only (ssh-copy-id's sh script)" };
        var config = new Option<string>("--config", "-F") { Description = "ssh config file to resolve DESTINATION with (as ssh -F)", HelpName = "SSH_CONFIG" };
        var options = SshOptionOption();
        var target = new Option<string>("--target", "-t")
        {
            Description = "The remote file to add the key to, relative to the remote home (~/ allowed) or absolute [default: ~/.ssh/authorized_keys]",
            HelpName = "PATH",
        };
        var command = new Command("copy", "Install a public key in a server's authorized_keys (like ssh-copy-id)")
        {
            destination, identity, port, login, dryRun, force, acceptNew, sftp, exec, config, options, target,
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
            new KeyCopyOptions(
                result.GetValue(destination)!,
                result.GetValue(identity),
                result.GetValue(port),
                result.GetValue(login),
                result.GetValue(dryRun),
                result.GetValue(force),
                result.GetValue(acceptNew),
                result.GetValue(sftp) ? KeyCopyTransport.Sftp : result.GetValue(exec) ? KeyCopyTransport.Exec : KeyCopyTransport.Auto,
                result.GetValue(config),
                result.GetValue(options) ?? [],
                result.GetValue(target))));
        return command;
    }

    /// <summary>-p PORT (shared with `keys setup` and `sync`): a number from 1 to 65535, or one sentence saying so.</summary>
    internal static Option<int?> PortOption() => new("--port", "-p")
    {
        Description = "Port to connect to [default: from ssh_config, else 22]",
        HelpName = "PORT",
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535)
            {
                return port;
            }

            result.AddError($"invalid port '{text}': use a number from 1 to 65535");
            return null;
        },
    };

    /// <summary>-o OPTION, repeatable, as ssh takes it (shared with `keys setup`).</summary>
    internal static Option<string[]> SshOptionOption() => new("--option", "-o")
    {
        Description = "An ssh_config option, as ssh -o (e.g. -o UserKnownHostsFile=FILE, -o ProxyJump=HOST); repeatable",
        HelpName = "OPTION",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Installs the key; a <see cref="KeyCopyException"/> reaches the top level, which prints it (exit 1).</summary>
    public static int Run(INvtContext context, KeyCopyOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var plan = KeyInstallPlanner.Plan(options, context.Settings, context.ProcessRunner, context.Environment.CurrentDirectory);
        var settings = plan.Settings;
        var key = plan.Key;
        var terminal = new AskpassTerminal(context.Terminal, context.Settings, context.ProcessRunner, context.Error.WriteLine);
        using var installer = new KeyInstaller(plan, terminal, context.Error.WriteLine);
        context.Error.WriteLine($"nvt: installing {TerminalText.Escape(plan.PublicKeyPath, context.Settings.TextIsUtf8)} ({key.DisplayType} {key.Fingerprint}) for {settings.User}@{settings.HostName}");
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
                context.Output.WriteLine($"Now try logging into the machine with: {LoginHint(options)}");
                if (result.NotVerified is string why)
                {
                    context.Error.WriteLine($"nvt: the key was added to {plan.TargetPath} on {settings.User}@{settings.HostName} but not tried ({why}); try it with: {LoginHint(options)}");
                }

                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The ssh command line to try next, with what the user typed (as ssh-copy-id prints it).</summary>
    private static string LoginHint(KeyCopyOptions options)
    {
        var words = new List<string> { "ssh" };
        if (options.SshConfig is not null)
        {
            words.Add($"-F '{options.SshConfig}'");
        }

        if (options.Port is int port)
        {
            words.Add(string.Create(CultureInfo.InvariantCulture, $"-p {port}"));
        }

        string destination = options.Login is null ? options.Destination : $"{options.Login}@{options.Destination[(options.Destination.LastIndexOf('@') + 1)..]}";
        words.Add($"'{destination}'");
        return string.Join(' ', words);
    }
}
