using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Commands;

/// <summary>`nvt query`: the best match for the keywords, or every match with --list.</summary>
public static class QueryCommand
{
    public static Command Create(NvtContext context)
    {
        var keywords = new Argument<string[]>("KEYWORDS")
        {
            Description = "Words that must appear in the path, in order; the last one in the last component",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var list = new Option<bool>("--list", "-l") { Description = "Print every match, best first" };
        var score = new Option<bool>("--score", "-s") { Description = "Print the score before each path" };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Never return this path (repeatable); the z function passes the current directory",
            HelpName = "PATH",
        };
        var baseDir = new Option<string?>("--base-dir") { Description = "Only return paths at or below DIR", HelpName = "DIR" };
        var all = new Option<bool>("--all", "-a") { Description = "Include directories that no longer exist" };
        var command = new Command("query", "Print the directory that best matches the keywords") { keywords, list, score, exclude, baseDir, all };
        command.SetAction(result => Run(
            context,
            new JumpQuery(
                result.GetValue(keywords) ?? [],
                result.GetValue(exclude) ?? [],
                result.GetValue(baseDir),
                result.GetValue(all),
                result.GetValue(list) ? null : 1),
            result.GetValue(score)));
        return command;
    }

    public static int Run(NvtContext context, JumpQuery query, bool withScores)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var now = context.Clock.GetUtcNow();
        var outcome = service.Query(query, now);
        Report.Quarantine(context, outcome);
        if (outcome.Value.Count == 0)
        {
            if (outcome.QuarantinedTo is not null)
            {
                // The fresh database is empty; the line above already says why nothing can match.
                return ExitCodes.NoMatch;
            }

            context.Error.WriteLine(service.DatabaseExists
                ? "nvt: no match found"
                : $"nvt: no match found (nothing recorded yet: {service.DatabasePath} does not exist)");
            return ExitCodes.NoMatch;
        }

        long unixNow = now.ToUnixTimeSeconds();
        foreach (var entry in outcome.Value)
        {
            if (withScores)
            {
                context.Output.Write(entry.Score(unixNow).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6));
                context.Output.Write(' ');
            }

            context.Output.Write(entry.Path);
            context.Output.Write('\n');
        }

        return ExitCodes.Ok;
    }
}
