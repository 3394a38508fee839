using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Reflection;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Keys.Commands;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.SshProfile;
using NeuralVision.Tools.Sync;

namespace NeuralVision.Tools;

/// <summary>Builds the whole command tree in one place, so tests parse exactly what users type.</summary>
public static class NvtCli
{
    public static RootCommand Build(INvtContext context)
    {
        var root = new RootCommand("nvt: jump to frecent directories, ssh with a Konsole face, passwordless ssh keys");
        foreach (var command in JumpCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(SyncCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        foreach (var command in SshProfileCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        // Windows-style help aliases only clutter completion on Linux.
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Aliases.Remove("/h");
            help.Aliases.Remove("/?");
            if (help.Action is HelpAction builtIn)
            {
                help.Action = new HelpWithNotes(builtIn, HelpNotes);
            }
        }

        return root;
    }

    /// <summary>Notes printed after a command's options by --help and in its manual page, by command name.</summary>
    internal static IReadOnlyDictionary<string, string> HelpNotes => HelpNotesByCommand.Instance;

    /// <summary>
    /// System.CommandLine passes unknown "-x" tokens on as arguments; for nvt's own commands they are mistakes. Only
    /// tokens before "--" count, so `nvt query -- -foo` still searches for "-foo".
    /// </summary>
    private static string? FirstUnknownOption(ParseResult parseResult)
    {
        foreach (var token in parseResult.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-')
            {
                return token.Value;
            }
        }

        return null;
    }

    /// <summary>System.CommandLine lists allowed values on lines of their own; nvt's errors are one line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    /// <summary>The full name of a (sub)command as typed: "nvt keys gen", not just "gen".</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            names.Insert(0, command.Parent is null ? "nvt" : command.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>The version `--version` prints, found as System.CommandLine's VersionOption finds it.</summary>
    internal static string ExecutableVersion()
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(NvtCli).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? string.Empty;
    }

    /// <summary>
    /// Bare `nvt` (or `nvt keys`): the usage with the command list, on stderr, status 2, as zoxide does. A mistyped
    /// command: its name and the closest one. Null when the command line names a command.
    /// </summary>
    private static int? UsageProblem(INvtContext context, RootCommand root, string[] args, ParseResult parseResult)
    {
        if (UnknownCommand.Find(root, args) is var (typedPath, name, parent))
        {
            string typed = (typedPath + " " + name).TrimStart();
            string? closest = UnknownCommand.Closest(parent, name);
            context.Error.WriteLine(closest is null
                ? $"nvt: unknown command '{typed}' (see '{("nvt " + typedPath).TrimEnd()} --help')"
                : $"nvt: unknown command '{typed}' (did you mean '{(typedPath + " " + closest).TrimStart()}'?)");
            return ExitCodes.Error;
        }

        var group = parseResult.CommandResult.Command;
        // Directives ([suggest:N] from the shells' completion) have actions of their own, however bare the line.
        bool directive = args.Length > 0 && args[0].StartsWith('[');
        if (group.Action is null && group.Subcommands.Count > 0 && parseResult.Action is not (HelpAction or HelpWithNotes) && !directive)
        {
            var help = group == root ? ["--help"] : args.Append("--help").ToArray();
            root.Parse(help).Invoke(new InvocationConfiguration { Output = context.Error, Error = context.Error });
            return ExitCodes.Error;
        }

        return null;
    }

    /// <summary>The date of this version (NvtVersionDate in Directory.Build.props), for the manual pages.</summary>
    internal static string VersionDate() =>
        typeof(NvtCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == "NvtVersionDate")?.Value ?? "";

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code. Exceptions reach the caller.</summary>
    public static int Run(INvtContext context, string[] args)
    {
        // ssh's arguments must reach ssh untouched (-p 2222, @file, a remote command), so they never meet the parser.
        if (SshProfileCommands.TryRun(context, args) is int sshStatus)
        {
            return sshStatus;
        }

        // The forms the shell functions run on every cd and jump skip building the command tree.
        if (JumpCommands.TryRunFastForm(context, args) is int fastStatus)
        {
            return fastStatus;
        }

        // What System.CommandLine's own --version action prints, without building the command tree (which loads its
        // localised resources through reflection).
        if (args is ["--version"])
        {
            context.Output.WriteLine(ExecutableVersion());
            return ExitCodes.Ok;
        }

        // install.sh writes the manual pages with this (a directive, like System.CommandLine's [suggest], so it is not
        // one of the commands users see).
        if (args is ["[man]", string manDirectory])
        {
            string version = ExecutableVersion().Split('+')[0];
            ManPages.Write(Build(context), manDirectory, version, VersionDate(), HelpNotes);
            return ExitCodes.Ok;
        }

        args = JumpCommands.PrepareArguments(args);
        var root = Build(context);
        // '@file' is a file name or an ssh argument to nvt, never a response file.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (UsageProblem(context, root, args, parseResult) is int usage)
        {
            return usage;
        }

        if (parseResult.Errors.Count > 0 && parseResult.Action is not (HelpAction or HelpWithNotes))
        {
            context.Error.WriteLine($"nvt: {OneLine(parseResult.Errors[0].Message)} (see '{CommandPath(parseResult.CommandResult)} --help')");
            return ExitCodes.Error;
        }

        if (parseResult.Action is not (HelpAction or HelpWithNotes) && FirstUnknownOption(parseResult) is string unknown)
        {
            context.Error.WriteLine($"nvt: unknown option '{unknown}' (put '--' before arguments that start with '-')");
            return ExitCodes.Error;
        }

        return parseResult.Invoke(new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        });
    }
}
