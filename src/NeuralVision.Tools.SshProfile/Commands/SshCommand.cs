using System.CommandLine;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Ssh;

namespace NeuralVision.Tools.Commands;

/// <summary>
/// `nvt ssh [NVT-OPTIONS] [--] SSH-ARGS...`: ssh with the Konsole tab switched to the host's profile while it runs.
/// nvt's options come first; the first other token (or the token after "--") starts ssh's arguments, which are
/// passed on untouched, so ssh options, remote commands and '@file' tokens never meet nvt's parser. The command tree
/// below exists for `nvt ssh --help` and `nvt --help`; <see cref="TryParse"/> handles every other form.
/// </summary>
internal static class SshCommand
{
    /// <summary>ssh is not on PATH (as a shell reports a command it cannot find).</summary>
    public const int SshNotFound = 127;

    private static readonly Option<string?> Profile = new("--profile")
    {
        Description = "Switch to this Konsole profile, whatever the configuration says",
        HelpName = "NAME",
    };

    private static readonly Option<bool> NoSwitch = new("--no-switch") { Description = "Run ssh without switching the profile or the background" };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "Do not print \"Welcome back!\" when ssh exits" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print the host, the chosen profile, the D-Bus target and the ssh command, then exit" };
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Say why no switch happens, and report every D-Bus problem" };

    private static readonly Argument<string[]> SshArgs = new("SSH-ARGS")
    {
        Description = "ssh's options, destination and remote command, passed to ssh unchanged; nvt's options come first, and a '--' before SSH-ARGS ends them",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Command Create(NvtContext context)
    {
        var command = new Command("ssh", "Run ssh with the Konsole tab switched to the host's profile, and switch it back afterwards")
        {
            Profile, NoSwitch, Quiet, DryRun, Verbose, SshArgs,
        };
        command.SetAction(result => Run(context, new SshRequest(
            result.GetValue(SshArgs) ?? [],
            result.GetValue(Profile),
            result.GetValue(NoSwitch),
            result.GetValue(Quiet),
            result.GetValue(DryRun),
            result.GetValue(Verbose))));
        return command;
    }

    /// <summary>
    /// `nvt ssh ...` without the command tree; null for anything that is not `ssh` or that asks for help. nvt's
    /// options are read up to the first other token; "--" there ends them and is dropped.
    /// </summary>
    public static SshRequest? TryParse(string[] args)
    {
        if (args.Length == 0 || args[0] != "ssh")
        {
            return null;
        }

        string? profile = null;
        bool noSwitch = false, quiet = false, dryRun = false, verbose = false;
        int i = 1;
        for (; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                i++;
                break;
            }

            if (arg is "-h" or "--help" or "-?")
            {
                return null;
            }

            if (arg == "--profile" || arg.StartsWith("--profile=", StringComparison.Ordinal))
            {
                if (arg.Length > "--profile".Length)
                {
                    profile = arg["--profile=".Length..];
                }
                else if (++i < args.Length)
                {
                    profile = args[i];
                }
                else
                {
                    throw new NvtException("--profile needs a profile name (see 'nvt ssh --help')");
                }

                if (profile.Length == 0)
                {
                    throw new NvtException("--profile needs a profile name (see 'nvt ssh --help')");
                }

                continue;
            }

            switch (arg)
            {
                case "--no-switch":
                    noSwitch = true;
                    continue;
                case "--quiet":
                    quiet = true;
                    continue;
                case "--dry-run":
                    dryRun = true;
                    continue;
                case "--verbose":
                    verbose = true;
                    continue;
            }

            // ssh has no long options, so "--something" here is a mistyped nvt option.
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new NvtException($"unknown option '{arg}' (see 'nvt ssh --help'; put '--' before ssh's arguments)");
            }

            break;
        }

        return new SshRequest(args[i..], profile, noSwitch, quiet, dryRun, verbose);
    }

    public static int Run(NvtContext context, SshRequest request)
    {
        var console = new SshConsole(
            context.Output,
            context.Error,
            Terminal.IsTerminal(2),
            Terminal.IsTerminal(1) ? context.Output : null);
        using var runner = new SshProcessRunner();
        var session = new SshSession(
            context.Environment,
            runner,
            async target => await KonsoleDBusTab.ConnectAsync(target, SshSession.DBusTimeout).ConfigureAwait(false),
            console);
        try
        {
            return session.RunAsync(request).GetAwaiter().GetResult();
        }
        catch (SshNotFoundException e)
        {
            throw new NvtException(e.Message, SshNotFound);
        }
    }
}
