using System.CommandLine;
using NeuralVision.Tools.Jump.Shell;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt init SHELL`: prints the shell integration to eval in the shell's rc file.</summary>
internal static class InitCommand
{
    public static Command Create(INvtContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or posix (sh, dash)" };
        shell.CompletionSources.Add(ShellScripts.ShellNames.ToArray());
        var cmd = new Option<string>("--cmd")
        {
            Description = "Name of the jump command (and NAMEi for the interactive one)",
            HelpName = "NAME",
            DefaultValueFactory = _ => ShellScripts.DefaultCommand,
        };
        var hook = new Option<string>("--hook")
        {
            Description = "When to record the directory: pwd (when it changed), prompt (every prompt), none",
            HelpName = "pwd|prompt|none",
            DefaultValueFactory = _ => "pwd",
        };
        hook.AcceptOnlyFromAmong("pwd", "prompt", "none");
        var noCmd = new Option<bool>("--no-cmd") { Description = "Define only the __nvt_* functions, no z/zi commands" };
        var fasd = new Option<bool>("--fasd")
        {
            Description = "Also record the files and directories among each command's arguments, and define fasd's "
                + "a s d f sd sf zz v o (bash, zsh, fish; zsh also gets the ,foo word completion)",
        };
        var command = new Command("init", "Print the shell integration: eval \"$(nvt init bash)\" in ~/.bashrc") { shell, cmd, hook, noCmd, fasd };
        command.SetAction(result => Run(
            context, result.GetValue(shell)!, result.GetValue(cmd)!, result.GetValue(hook)!, result.GetValue(noCmd), result.GetValue(fasd)));
        return command;
    }

    public static int Run(INvtContext context, string shellName, string commandName, string hookName, bool noCommand, bool fasd = false)
    {
        var shell = ShellScripts.ParseShell(shellName)
            ?? throw new NvtException($"unsupported shell '{shellName}'; supported: {string.Join(", ", ShellScripts.ShellNames)}");
        if (!ShellScripts.IsValidCommandName(commandName))
        {
            throw new NvtException($"--cmd must be a plain name (letters, digits, '_'), got '{commandName}'");
        }

        if (fasd && shell == ShellKind.Posix)
        {
            throw new NvtException("--fasd needs bash, zsh or fish: a POSIX shell has no hook that sees the commands it runs");
        }

        var hook = Enum.Parse<HookMode>(hookName, ignoreCase: true);
        // The hook appends to the journal only in a safe data directory, created now so that the first cd can write.
        string? journal = hook == HookMode.None ? null : JournalForHooks(context);
        context.Output.Write(ShellScripts.Render(new InitOptions(shell, noCommand ? null : commandName, hook, fasd, journal)));
        return ExitCodes.Ok;
    }

    /// <summary>A bad NVT_DATA_DIR must not break the shell's start-up: the hook falls back to `nvt add`, and the next command reports the value.</summary>
    private static string? JournalForHooks(INvtContext context)
    {
        try
        {
            return Store.DataDirectoryCheck.JournalForHooks(context.Settings.DataDirectory);
        }
        catch (Platform.Settings.ConfigException)
        {
            return null;
        }
    }
}
