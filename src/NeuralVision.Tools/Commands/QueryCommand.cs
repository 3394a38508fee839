using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Commands;

/// <summary>What `nvt query` was asked for.</summary>
internal sealed record QueryRequest(
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Exclude,
    string? BaseDirectory,
    bool List,
    bool Scores,
    bool All,
    bool Interactive = false)
{
    public JumpQuery ToJumpQuery() => new(Keywords, Exclude, BaseDirectory, All, List || Interactive ? null : 1);

    public bool Equals(QueryRequest? other) =>
        other is not null
        && Keywords.SequenceEqual(other.Keywords)
        && Exclude.SequenceEqual(other.Exclude)
        && (BaseDirectory, List, Scores, All, Interactive) == (other.BaseDirectory, other.List, other.Scores, other.All, other.Interactive);

    public override int GetHashCode() => HashCode.Combine(Keywords.Count, BaseDirectory, List, Scores, All);
}

/// <summary>`nvt query`: the best match for the keywords, or every match with --list.</summary>
internal static class QueryCommand
{
    private static readonly Argument<string[]> Keywords = new("KEYWORDS")
    {
        Description = "Words that must appear in the path, in order; the last one in the last component",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<bool> List = new("--list", "-l") { Description = "Print every match, best first" };
    private static readonly Option<bool> Score = new("--score", "-s") { Description = "Print the score before each path" };
    private static readonly Option<string[]> Exclude = new("--exclude")
    {
        Description = "Never return this path (repeatable); the z function passes the current directory",
        HelpName = "PATH",
    };

    private static readonly Option<string?> BaseDir = new("--base-dir") { Description = "Only return paths at or below DIR", HelpName = "DIR" };
    private static readonly Option<bool> All = new("--all", "-a") { Description = "Include directories that no longer exist" };
    private static readonly Option<bool> Interactive = new("--interactive", "-i")
    {
        Description = "Choose among the matches with fzf, or from a numbered list when fzf is not installed",
    };

    public static Command Create(NvtContext context)
    {
        var command = new Command("query", "Print the directory that best matches the keywords") { Keywords, List, Score, Exclude, BaseDir, All, Interactive };
        command.SetAction(result => Run(context, FromParseResult(result)));
        return command;
    }

    public static QueryRequest FromParseResult(ParseResult result) => new(
        result.GetValue(Keywords) ?? [],
        result.GetValue(Exclude) ?? [],
        result.GetValue(BaseDir),
        result.GetValue(List),
        result.GetValue(Score),
        result.GetValue(All),
        result.GetValue(Interactive));

    /// <summary>
    /// The common forms of `nvt query` (what the z function runs on every jump), parsed without building the command
    /// tree, which costs a large part of a query. Null for anything else (help, errors, unusual spellings): the full
    /// parser handles those. A test checks that both parsers agree on every form this one accepts.
    /// </summary>
    public static QueryRequest? TryParseFastForm(string[] args)
    {
        if (args.Length == 0 || args[0] != "query")
        {
            return null;
        }

        var keywords = new List<string>();
        var exclude = new List<string>();
        string? baseDirectory = null;
        bool list = false, scores = false, all = false;
        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--":
                    keywords.AddRange(args[(i + 1)..]);
                    return new QueryRequest(keywords, exclude, baseDirectory, list, scores, all);
                case "--list" or "-l":
                    list = true;
                    break;
                case "--score" or "-s":
                    scores = true;
                    break;
                case "--all" or "-a":
                    all = true;
                    break;
                case "--exclude" or "--base-dir":
                    if (i + 1 >= args.Length || args[i + 1].StartsWith('-') || (arg == "--base-dir" && baseDirectory is not null))
                    {
                        return null;
                    }

                    if (arg == "--exclude")
                    {
                        exclude.Add(args[++i]);
                    }
                    else
                    {
                        baseDirectory = args[++i];
                    }

                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        return null;
                    }

                    keywords.Add(arg);
                    break;
            }
        }

        return new QueryRequest(keywords, exclude, baseDirectory, list, scores, all);
    }

    public static int Run(NvtContext context, QueryRequest request)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var now = context.Clock.GetUtcNow();
        var outcome = service.Query(request.ToJumpQuery(), now);
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

        if (request.Interactive)
        {
            var picked = context.CreatePicker().Pick(outcome.Value.Select(entry => entry.Path).ToList());
            if (picked.Choice is not null)
            {
                context.Output.Write(picked.Choice + "\n");
            }

            return picked.ExitCode;
        }

        long unixNow = now.ToUnixTimeSeconds();
        foreach (var entry in outcome.Value)
        {
            if (request.Scores)
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
