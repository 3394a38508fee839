using System.CommandLine;
using System.ComponentModel;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.SshProfile.Konsole;
using NeuralVision.Tools.SshProfile.Restore;

namespace NeuralVision.Tools.SshProfile.Commands;

/// <summary>
/// `nvt ssh [NVT-OPTIONS] [--] SSH-ARGS...`: ssh with the Konsole tab switched to the host's profile while it runs.
/// nvt's options come first; the first other token (or the token after "--") starts ssh's arguments, which are
/// passed on untouched, so ssh options, remote commands and '@file' tokens never meet System.CommandLine. The hand
/// parser (<see cref="TryParse"/>) and the help (<see cref="Create"/>) are both made from <see cref="Options"/>.
/// </summary>
public static class SshCommand
{
    private const string ProfileOption = "--profile";
    private const string NoSwitchOption = "--no-switch";
    private const string QuietOption = "--quiet";
    private const string DryRunOption = "--dry-run";
    private const string VerboseOption = "--verbose";

    /// <summary>nvt's own options of `nvt ssh`, in the order the help lists them.</summary>
    public static SshOption[] Options =>
    [
        new(ProfileOption, "Switch to this Konsole profile, whatever the configuration says", "NAME", "a profile name"),
        new(NoSwitchOption, "Run ssh without switching the profile or the background"),
        new(QuietOption, "Do not print \"Welcome back!\" when ssh exits"),
        new(DryRunOption, "Print the host, the chosen profile, the D-Bus target, the background colour and the ssh command, then exit"),
        new(VerboseOption, "Say why no switch happens, and report every D-Bus problem"),
    ];

    /// <summary>What `nvt ssh --help` (and its manual page) says after the options: where hosts are mapped, and how.</summary>
    public const string HelpNotes =
        "Configuration:\n"
        + "  Hosts are mapped to Konsole profiles in $NVT_CONFIG, else $XDG_CONFIG_HOME/nvt/config.toml, else\n"
        + "  ~/.config/nvt/config.toml (`nvt profiles` shows which file and what it maps). For example:\n\n"
        + ProfilesCommand.ExampleConfig
        + "\n  `nvt profiles create NAME --background '#rrggbb' --host PATTERN` makes a profile and its mapping.\n"
        + "  [ssh.backgrounds] \"PATTERN\" = \"#rrggbb\", or [ssh] auto_background = true, colour hosts without a profile.\n"
        + "  If nvt is killed, the shell integration's prompt hook restores the tab (`nvt profiles restore`).\n";

    /// <summary>
    /// The command as System.CommandLine sees it: only for `nvt ssh --help`, `nvt --help` and completion, with its
    /// options made from <see cref="Options"/>. Every other form is read by <see cref="TryParse"/> first.
    /// </summary>
    public static Command Create()
    {
        var command = new Command("ssh", "Run ssh with the Konsole tab switched to the host's profile, and switch it back afterwards");
        foreach (var option in Options)
        {
            command.Options.Add(option.TakesValue
                ? new Option<string?>(option.Name) { Description = option.Description, HelpName = option.ValueName }
                : new Option<bool>(option.Name) { Description = option.Description });
        }

        command.Arguments.Add(new Argument<string[]>("SSH-ARGS")
        {
            Description = "ssh's options, destination and remote command, passed to ssh unchanged; nvt's options come first, and a '--' before SSH-ARGS ends them",
            Arity = ArgumentArity.ZeroOrMore,
        });
        return command;
    }

    /// <summary>
    /// `nvt ssh ...` without the command tree; null for anything that is not `ssh` or that asks for help. nvt's
    /// options are read up to the first other token; "--" there ends them and is dropped.
    /// </summary>
    public static SshRequest? TryParse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != "ssh")
        {
            return null;
        }

        var options = Options;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
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

            var option = Find(options, arg);
            if (option is null)
            {
                // ssh has no long options, so "--something" here is a mistyped nvt option.
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    throw new NvtException($"unknown option '{arg}' (see 'nvt ssh --help'; put '--' before ssh's arguments)");
                }

                break;
            }

            string value = string.Empty;
            if (option.TakesValue)
            {
                value = arg.Length > option.Name.Length ? arg[(option.Name.Length + 1)..]
                    : ++i < args.Length ? args[i]
                    : string.Empty;
                if (value.Length == 0)
                {
                    throw new NvtException($"{option.Name} needs {option.ValueDescription} (see 'nvt ssh --help')");
                }
            }

            values[option.Name] = value;
        }

        return new SshRequest(
            args[i..],
            values.GetValueOrDefault(ProfileOption),
            values.ContainsKey(NoSwitchOption),
            values.ContainsKey(QuietOption),
            values.ContainsKey(DryRunOption),
            values.ContainsKey(VerboseOption));
    }

    /// <summary>The option <paramref name="arg"/> names: NAME, or NAME=VALUE for one that takes a value.</summary>
    private static SshOption? Find(SshOption[] options, string arg)
    {
        foreach (var option in options)
        {
            if (arg == option.Name || (option.TakesValue && arg.StartsWith(option.Name + "=", StringComparison.Ordinal)))
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>Runs `nvt ssh`; returns ssh's exit status (0 for --dry-run).</summary>
    public static int Run(INvtContext context, SshRequest request, IKonsoleConnector konsole)
    {
        ArgumentNullException.ThrowIfNull(context);
        // From the start: a SIGTERM that arrives while nvt talks to Konsole must still keep ssh from starting.
        using var foreground = context.ProcessRunner.BeginForeground(forwardTermination: true);
        var session = new SshSession(context.Settings, context.ProcessRunner, konsole, context.Environment.CurrentDirectory);
        return RunAsync(context, session, foreground, request).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(INvtContext context, SshSession session, IForegroundScope foreground, SshRequest request)
    {
        using var plan = await session.PlanAsync(request).ConfigureAwait(false);
        Print(context, session);
        if (request.DryRun)
        {
            SshPlanPrinter.Print(context.Output, plan);
            return ExitCodes.Ok;
        }

        if (plan.Host is null)
        {
            return RunSsh(foreground, plan);
        }

        TextWriter? terminal = context.Terminal.OutputIsTerminal ? context.Output : null;
        var change = await session.SwitchAsync(plan, canWriteEscapes: terminal is not null).ConfigureAwait(false);
        Print(context, session);
        Write(terminal, change?.Before ?? "");

        try
        {
            return RunSsh(foreground, plan);
        }
        finally
        {
            if (change is not null)
            {
                // The terminal may be gone (SIGHUP after the window closed): then only the D-Bus part matters.
                Write(terminal, TerminalColours.Undo(change.Undo));
                await session.RestoreAsync(plan, change).ConfigureAwait(false);
                Print(context, session);
            }

            try
            {
                if (!request.Quiet && WelcomesBack(context, plan, switched: change is not null))
                {
                    context.Error.WriteLine("Welcome back!");
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Write(TextWriter? terminal, string sequence)
    {
        if (terminal is null || sequence.Length == 0)
        {
            return;
        }

        try
        {
            terminal.Write(sequence);
            terminal.Flush();
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// "Welcome back!" marks the return from somewhere that looked different: only after an interactive login on a
    /// terminal (not `nvt ssh host cmd`, -T, -N, a pipe) in which nvt switched the profile or the background.
    /// </summary>
    private static bool WelcomesBack(INvtContext context, SshPlan plan, bool switched) =>
        switched && plan.Interactive
        && context.Terminal.InputIsTerminal && context.Terminal.OutputIsTerminal && context.Terminal.ErrorIsTerminal;

    private static int RunSsh(IForegroundScope foreground, SshPlan plan)
    {
        try
        {
            return foreground.Run(plan.Ssh, plan.Arguments);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run {plan.Ssh}: {e.Message}", e);
        }
    }

    private static void Print(INvtContext context, SshSession session)
    {
        foreach (string notice in session.TakeNotices())
        {
            context.Error.WriteLine("nvt: " + notice);
        }
    }
}
