using System.CommandLine;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt add`: the hook's entry point. Silent, and exit 0, on every failure that is not a usage error.</summary>
public static class AddCommand
{
    public static Command Create(INvtContext context)
    {
        var score = new Option<double>("--score", "-s")
        {
            Description = "Add N to the rank instead of 1 (0 < N <= NVT_MAXAGE / 10)",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var files = new Option<bool>("--files")
        {
            Description = "Record files as well as directories (each path as what it is)",
        };
        var commandLine = new Option<string?>("--command")
        {
            Description = "Also record the existing files and directories among this command line's arguments "
                + "(what the --fasd hook passes; NVT_IGNORE and NVT_SHIFT apply, a line with --help records nothing)",
            HelpName = "LINE",
        };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Directories to record (relative paths are taken from the current directory)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("add", "Record a visit to each directory; the shell hook runs this on every cd") { score, files, commandLine, paths };
        command.Validators.Add(result =>
        {
            if (result.GetValue(paths) is not { Length: > 0 } && result.GetValue(commandLine) is null)
            {
                result.AddError("nothing to record: give a PATH or --command");
            }
        });
        command.SetAction(result => Run(
            context,
            result.GetValue(paths) ?? [],
            result.GetValue(score),
            result.GetValue(files),
            result.GetValue(commandLine)));
        return command;
    }

    /// <summary>
    /// The paths of `nvt add -- PATH...` or `nvt add PATH...` without options: the form the shell hook uses on every cd,
    /// run without building the command tree (which costs about as much as the database write). Null for anything else.
    /// </summary>
    public static string[]? TryParseHookForm(string[] args)
    {
        if (args.Length < 2 || args[0] != "add")
        {
            return null;
        }

        if (args[1] == "--")
        {
            return args.Length > 2 ? args[2..] : null;
        }

        return args.Skip(1).Any(arg => arg.StartsWith('-')) ? null : args[1..];
    }

    public static int Run(INvtContext context, IReadOnlyList<string> paths, double score, bool files = false, string? commandLine = null)
    {
        // Bounded so that one entry cannot own more than a tenth of the aging budget (see RankAging).
        double maximum = Store.RankAging.MaximumRank(context.Settings.MaxAge);
        if (!double.IsFinite(score) || score <= 0 || score > maximum)
        {
            throw new NvtException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"--score must be a number above 0 and at most {maximum:0.###} (NVT_MAXAGE / 10), got {score}"));
        }

        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        try
        {
            var settings = context.Settings;
            var fromCommand = commandLine is null
                ? []
                : CommandLineArguments.CandidatePaths(commandLine, settings.IgnoredCommands, settings.ShiftedCommands, settings.Home);

            // One database write for the directory and the command's arguments: the --fasd hook runs this per command.
            foreach (string reason in service.Add(paths, score, context.Clock.GetUtcNow().ToUnixTimeSeconds(), files, fromCommand))
            {
                Report.Debug(context, "add", reason);
            }
        }
        catch (Exception e) when (e is not ConfigException)
        {
            // The prompt must never show an error: a locked, read-only or corrupt database only costs this one visit.
            Report.Debug(context, "add", e.Message);
        }

        return ExitCodes.Ok;
    }
}
